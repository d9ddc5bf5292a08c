#!/usr/bin/python3
"""Counts WebAssembly SIMD instructions in .wasm files with wasm-objdump (Debian package wabt).

--expect-simd FILE: FILE must contain SIMD arithmetic (f32x4 multiply/add), as the -msimd128 build does.
--expect-scalar FILE: FILE must contain no SIMD instruction at all, as the web-scalar build must not.
"""
import argparse
import re
import subprocess
import sys
from collections import Counter

SIMD = re.compile(r"\b((?:v128|[if](?:8x16|16x8|32x4|64x2))\.[a-z0-9_.]+)")


def simd_instructions(path):
    try:
        listing = subprocess.run(["wasm-objdump", "-d", path], capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        sys.exit("check_wasm_simd: wasm-objdump is missing: run 'tools/tunelab setup' (Debian package wabt).")
    except subprocess.CalledProcessError as error:
        sys.exit(f"check_wasm_simd: cannot read {path}: {error.stderr.strip()} (build it with 'tools/tunelab build ...').")
    return Counter(match.group(1) for match in SIMD.finditer(listing))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--expect-simd", action="append", default=[])
    parser.add_argument("--expect-scalar", action="append", default=[])
    args = parser.parse_args()
    failed = False
    for path in args.expect_simd:
        counts = simd_instructions(path)
        arithmetic = counts["f32x4.mul"] + counts["f32x4.add"]
        print(f"{path}: {sum(counts.values())} SIMD instructions, {arithmetic} f32x4 mul/add; most used: "
              + ", ".join(f"{name} {n}" for name, n in counts.most_common(5)))
        if arithmetic == 0:
            print(f"FAIL: {path} has no f32x4 arithmetic: was it built with -msimd128?")
            failed = True
    for path in args.expect_scalar:
        counts = simd_instructions(path)
        print(f"{path}: {sum(counts.values())} SIMD instructions")
        if counts:
            print(f"FAIL: {path} should be scalar but uses " + ", ".join(counts))
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
