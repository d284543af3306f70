# Wheels of the packages ser_nb needs that the GPU machine's image lacks (Python 3.12, x86-64), into tools/gpu/wheels
cd "$(dirname "$0")" && python3 -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
  -d wheels soundfile==0.14.0 cffi==2.1.1 pycparser==3.12 fastcore==1.14.5 torchsummary==1.5.1 librosa==0.11.0 \
  audioread==3.1.0 decorator==5.3.1 pooch==1.9.0 platformdirs==4.14.8 soxr==1.1.0 praat-parselmouth==0.4.7
