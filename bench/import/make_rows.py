#!/usr/bin/env python3
"""Writes N valid register rows as CSV (the import's English header) to stdout.

Communes (and their provinces) come from the reference data, registration codes are unique
(prefix 77, or the third argument), every value obeys the rules of a single registration.
usage: make_rows.py N communes-2025.csv [prefix]
"""
import csv
import sys

n = int(sys.argv[1])
prefix = sys.argv[3] if len(sys.argv) > 3 else "77"
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    communes = [(r["code"], r["provinceCode"]) for r in csv.DictReader(f)]

out = csv.writer(sys.stdout, lineterminator="\r\n")
out.writerow(["registrationCode", "name", "kind", "sector", "provinceCode", "communeCode", "address", "establishedOn",
              "charterCapital", "memberCount", "employeeCount", "representative", "phone", "email", "isYouthCooperative",
              "mainProducts"])
sectors = ["agricultureForestryFishery", "industryHandicraft", "construction", "tradeServices", "transport", "credit"]
for i in range(n):
    commune, province = communes[i % len(communes)]
    out.writerow([
        f"{prefix}{i:08d}", f"Hợp tác xã dịch vụ nông nghiệp Đồng Tâm số {i}", "cooperative", sectors[i % len(sectors)],
        province, commune, f"Thôn {i % 50 + 1}, xã {commune}", f"{2000 + i % 25}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
        1_000_000 * (i % 5000 + 1), 5 + i % 200, i % 80, "Nguyễn Văn An", f"0205 38{i % 10000:04d}", f"htx{i}@example.vn",
        "true" if i % 10 == 0 else "false", "Lúa gạo|Rau an toàn",
    ])
