#!/usr/bin/env python3
"""Generate a synthetic library of realistic Chinese medical text in the content format.

    python bench/genlib.py OUT_DIR --entries 10000 [--seed 1]

60 % articles (4–7 ``##`` sections, about 800–2,000 characters), 40 % Q&A (150–600 characters), with
the real library's categories, related links, aliases and red flags, so that loading, rendering and
search are measured on text shaped like the real thing.  Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

CATEGORIES = ["神经与肌肉", "脑与脑血管", "骨骼与脊柱", "康复与护理", "检查与检验", "营养与饮食"]
DISEASES = [
    "面神经麻痹", "面瘫", "脑卒中", "中风", "肌营养不良症", "重症肌无力", "腰椎间盘突出症", "颈椎病",
    "肩周炎", "肩袖损伤", "周围神经病", "糖尿病周围神经病变", "运动神经元病", "多发性肌炎", "帕金森病",
    "骨质疏松症", "腕管综合征", "坐骨神经痛", "三叉神经痛", "偏头痛", "高血压", "脊髓损伤", "肌少症",
    "吉兰-巴雷综合征", "甲状腺功能亢进", "低钾血症", "类风湿关节炎", "膝骨关节炎", "痛风", "贫血",
]  # fmt: skip
SYMPTOMS = [
    "肌肉萎缩", "肢体无力", "口角歪斜", "眼睑闭合不全", "额纹消失", "麻木", "疼痛", "肌肉跳动", "吞咽困难",
    "言语不清", "眼睑下垂", "复视", "头晕", "步态不稳", "关节僵硬", "抽筋", "容易疲劳", "腰腿痛", "手指发麻",
]  # fmt: skip
BODY = ["面部", "脸颊", "额头", "嘴角", "肩膀", "上臂", "前臂", "手掌", "大腿", "小腿", "腰部", "颈部", "足底"]
EXAMS = ["肌电图", "神经传导检查", "磁共振", "CT", "血常规", "肌酶检查", "基因检测", "肌肉活检", "超声检查"]
TREATMENTS = [
    "康复训练", "物理治疗", "针灸", "低频电刺激", "营养支持", "药物治疗", "手术治疗", "按摩", "热敷",
    "呼吸训练", "吞咽训练", "心理疏导", "矫形器", "作业治疗",
]  # fmt: skip
FOODS = ["鸡蛋", "牛奶", "豆腐", "鱼肉", "瘦肉", "新鲜蔬菜", "水果", "全谷物", "坚果"]
TEMPLATES = [
    "{d}的患者常常出现{s}，尤其是{b}更为明显，应及时就医明确原因。",
    "医生通常会安排{e}，以判断{s}是神经的问题还是肌肉本身的问题。",
    "在医生指导下进行{t}，可以帮助改善{s}，但需要循序渐进、长期坚持。",
    "如果{b}出现{s}并逐渐加重，不要自行用药，请尽快到医院检查。",
    "日常饮食中可以适量增加{f}，保证蛋白质和维生素的摄入，有助于肌肉修复。",
    "{d}早期症状不典型，有的人只觉得{b}{s}，容易被忽视。",
    "{t}一般每天进行两到三次，每次十到二十分钟，感到疲劳时应休息。",
    "复查{e}可以了解恢复情况，医生会根据结果调整{t}的方案。",
    "家属要多陪伴和鼓励，帮助患者保持积极的心态，坚持{t}。",
    "出现{s}伴有呼吸困难或意识不清时，请立即拨打120。",
    "{d}和{d2}都可能引起{s}，需要结合病史和{e}来区分。",
    "老年人{b}{s}时，要注意防跌倒，居家环境应保持通道畅通、光线充足。",
]  # fmt: skip
QUESTIONS = [
    "{d}为什么会引起{s}", "{b}{s}是怎么回事", "{s}应该做什么检查", "{d}能通过{t}改善吗",
    "{d}患者饮食要注意什么", "{b}{s}要挂哪个科", "{d}会遗传吗", "{s}多久能恢复",
]  # fmt: skip
HEADINGS = ["常见原因", "主要表现", "需要做的检查", "治疗方法", "日常护理", "饮食建议", "康复训练", "什么时候需要就医"]


def sentence(rng: random.Random) -> str:
    d, d2 = rng.sample(DISEASES, 2)
    return rng.choice(TEMPLATES).format(
        d=d,
        d2=d2,
        s=rng.choice(SYMPTOMS),
        b=rng.choice(BODY),
        e=rng.choice(EXAMS),
        t=rng.choice(TREATMENTS),
        f=rng.choice(FOODS),
    )


def paragraph(rng: random.Random, n: int) -> str:
    return "".join(sentence(rng) for _ in range(n))


def front_matter(**fields: object) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(str(v) for v in value)}]")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def generate(out: Path, entries: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "qa").mkdir(parents=True, exist_ok=True)
    cats = "\n".join(f"  - name: {c}\n    description: {c}相关的内容。" for c in CATEGORIES)
    (out / "library.yaml").write_text(
        f"id: synthetic-{entries}\ntitle: 合成测试资料库（{entries} 篇）\nlanguage: zh-Hans\nversion: '{seed}'\n"
        f"publisher: 基准测试\ndisclaimer: 本资料仅供参考，不能代替医生的诊断和治疗。\ncategories:\n{cats}\n",
        encoding="utf-8",
    )
    n_articles = int(entries * 0.6)
    ids = [f"a{i:05d}" for i in range(n_articles)] + [f"q{i:05d}" for i in range(entries - n_articles)]
    for i, entry_id in enumerate(ids):
        is_article = i < n_articles
        d = rng.choice(DISEASES)
        s = rng.choice(SYMPTOMS)
        if is_article:
            title = f"{d}与{s}（{i}）"
            body = paragraph(rng, 2) + "\n\n"
            for h in rng.sample(HEADINGS, rng.randint(4, 7)):
                body += f"## {h}\n\n" + "\n\n".join(paragraph(rng, rng.randint(2, 4)) for _ in range(2)) + "\n\n"
        else:
            title = rng.choice(QUESTIONS).format(d=d, s=s, b=rng.choice(BODY), t=rng.choice(TREATMENTS)) + f"（{i}）"
            body = "\n\n".join(paragraph(rng, rng.randint(2, 3)) for _ in range(rng.randint(2, 3))) + "\n"
        fm = front_matter(
            id=entry_id,
            type="article" if is_article else "qa",
            title=title,
            summary=sentence(rng),
            category=rng.choice(CATEGORIES),
            tags=[d, s],
            aliases=[f"{rng.choice(BODY)}{s}"],
            related=[r for r in rng.sample(ids, 4) if r != entry_id][:3],
            reviewed="2026-11-01",
            reviewer="基准测试编辑组",
            next_review="2027-11-01",
            sources=["《神经病学》（人民卫生出版社，第9版）"],
            red_flags=f"{{same_day: [出现{rng.choice(SYMPTOMS)}并迅速加重]}}",  # tiers, as content/ writes them
        )
        folder = "articles" if is_article else "qa"
        (out / folder / f"{entry_id}.md").write_text(fm + body, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.entries, args.seed)
    print(f"wrote {args.entries} entries to {args.out}")


if __name__ == "__main__":
    main()
