"""The section roles ``drafter mine`` gives to headings, paragraphs and items, in output order.

Owns the role names (the same Chinese words as the fragment library's roles, plus 原因 — the causes
of the problems — and 其他 for container headings such as 主要做法) and their groups.
"""

from __future__ import annotations

SX, ZZ, LZ, YW = "思想建设", "组织建设", "党风廉政", "业务融合"
WT, YY, XB, KT, JW, QT = "存在问题", "原因", "下一步", "开头", "结尾", "其他"
ROLES = (SX, ZZ, LZ, WT, YY, XB, KT, JW, YW, QT)
TOPICAL = (SX, ZZ, LZ, YW)
"""The roles of what a unit did (its main work); the text model chooses among these."""
FOLLOW_UP = (WT, YY, XB)
"""Roles whose section passes them on to everything below it."""
