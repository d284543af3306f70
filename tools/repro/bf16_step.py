"""A training step of the CPU recipe's model (CNN branches alone, default width, batch 32) in float32 and under
bfloat16 autocast (`TrainConfig.amp_cpu`), on the threads torch is given. bfloat16 pays only where the CPU has
instructions for it (AVX-512 BF16, AMX); elsewhere torch emulates it, many times slower.

    OMP_NUM_THREADS=1 python tools/repro/bf16_step.py
"""
import torch
from ser_nb.bench import train_steps_per_s
from ser_nb.model import ModelConfig, build_model
from ser_nb.train import cpu_has_bf16, run_environment

torch.manual_seed(0)
model = build_model(ModelConfig(transformer=False))
rates = {bf16: train_steps_per_s(model, bs=32, steps=6, bf16=bf16) for bf16 in (False, True)}
for bf16, r in rates.items(): print(f"{'bfloat16 autocast' if bf16 else 'float32'}: {32 / r:.2f} s a step, {r:.0f} samples/s")
print(f"bfloat16 / float32 speed: {rates[True] / rates[False]:.2f}; bfloat16 kernels on this CPU: {cpu_has_bf16()}")
print(run_environment(torch.device('cpu')))
