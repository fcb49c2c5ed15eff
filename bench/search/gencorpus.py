#!/usr/bin/env python3
"""Generate a library for the search benchmark: Chinese medical text with a wide vocabulary.

    python bench/search/gencorpus.py OUT_DIR --entries 10000 [--seed 7]

``bench/genlib.py`` (the start-up benchmark's library) draws on about 60 terms, so every posting list
is huge and every bigram common: fine for loading, wrong for search.  This one has about 600 medical
terms (the real user dictionary, plus body part × symptom and disease × qualifier combinations) and
a few hundred everyday words, so term frequencies have the long tail real text has.  60 % articles
(4–7 ``##`` sections, about 800–2,000 characters), 40 % Q&A (200–800 characters).  The real
library's ``search/`` word lists are copied, with the generated terms added to the user dictionary.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from genlib import CATEGORIES, front_matter  # noqa: E402 - the shared front matter writer

REAL_SEARCH = Path(__file__).resolve().parents[2] / "content" / "search"

BODY = [
    "面部", "额头", "眼周", "嘴角", "颈部", "肩部", "上臂", "前臂", "手腕", "手指", "胸部", "背部",
    "腰部", "臀部", "大腿", "膝关节", "小腿", "脚踝", "足底", "舌头", "咽喉", "下颌", "脊柱", "骨盆",
]  # fmt: skip
SYMPTOMS = [
    "肌肉萎缩", "无力", "麻木", "疼痛", "僵硬", "抽筋", "肌肉跳动", "肿胀", "发凉", "刺痛", "酸胀",
    "活动受限", "变形", "发麻", "震颤", "痉挛", "压痛", "红肿",
]  # fmt: skip
DISEASES = [
    "面神经麻痹", "脑卒中", "脑梗死", "脑出血", "肌营养不良症", "重症肌无力", "腰椎间盘突出症", "颈椎病",
    "肩周炎", "肩袖损伤", "周围神经病", "糖尿病周围神经病变", "运动神经元病", "多发性肌炎", "帕金森病",
    "骨质疏松症", "腕管综合征", "坐骨神经痛", "三叉神经痛", "偏头痛", "脊髓损伤", "肌少症", "皮肌炎",
    "吉兰巴雷综合征", "甲状腺功能亢进", "低钾血症", "类风湿关节炎", "膝骨关节炎", "痛风", "贫血",
    "多发性硬化", "脊髓空洞症", "颈椎管狭窄", "腰椎管狭窄", "网球肘", "腱鞘炎", "足底筋膜炎", "带状疱疹",
    "进行性肌营养不良", "脊肌萎缩症", "肌强直", "周期性麻痹", "尺神经损伤", "桡神经损伤", "腓总神经损伤",
]  # fmt: skip
QUALIFIERS = ["急性期", "恢复期", "后遗症", "早期", "晚期", "术后", "复发"]
EXAMS = [
    "肌电图", "神经传导检查", "磁共振", "CT", "血常规", "肌酶检查", "基因检测", "肌肉活检", "超声检查",
    "X线检查", "骨密度检查", "甲状腺功能", "血糖检测", "脑脊液检查", "诱发电位",
]  # fmt: skip
TREATMENTS = [
    "康复训练", "物理治疗", "针灸", "低频电刺激", "营养支持", "药物治疗", "手术治疗", "按摩", "热敷",
    "呼吸训练", "吞咽训练", "心理疏导", "矫形器", "作业治疗", "牵引", "冷敷", "平衡训练", "抗阻训练",
    "水中运动", "中药调理", "神经阻滞", "激素治疗", "免疫治疗", "言语训练",
]  # fmt: skip
FOODS = ["鸡蛋", "牛奶", "豆腐", "鱼肉", "瘦肉", "新鲜蔬菜", "水果", "全谷物", "坚果", "酸奶", "豆浆", "鸡胸肉"]
PEOPLE = ["老年人", "儿童", "孕妇", "上班族", "运动员", "糖尿病患者", "长期卧床的人", "家属", "照护者"]
EVERYDAY = [
    "一般来说", "需要注意的是", "很多人", "其实", "另外", "同时", "如果", "这时", "平时", "通常", "比较",
    "逐渐", "明显", "及时", "适当", "坚持", "避免", "注意", "保持", "减少", "增加", "改善", "缓解",
    "加重", "反复", "持续", "突然", "慢慢", "容易", "可能", "应该", "建议", "不要", "尽量", "每天",
    "早晨", "晚上", "饭后", "睡前", "天气变冷时", "长时间", "短时间", "一段时间后", "几周内", "半年以上",
]  # fmt: skip
TEMPLATES = [
    "{d}的患者常常出现{b}{s}，{w}应及时就医明确原因。",
    "医生通常会安排{e}，以判断{b}{s}是神经的问题还是肌肉本身的问题。",
    "在医生指导下进行{t}，可以帮助改善{s}，{w}需要循序渐进、长期坚持。",
    "如果{b}出现{s}并{w}加重，不要自行用药，请尽快到医院检查。",
    "{w}饮食中可以适量增加{f}，保证蛋白质和维生素的摄入，有助于{b}肌肉修复。",
    "{d}{q}症状不典型，有的人只觉得{b}{s}，容易被忽视。",
    "{t}一般每天进行两到三次，每次十到二十分钟，{w}感到疲劳时应休息。",
    "复查{e}可以了解恢复情况，医生会根据结果调整{t}的方案。",
    "{p}要多陪伴和鼓励患者，帮助保持积极的心态，坚持{t}。",
    "出现{s}伴有呼吸困难或意识不清时，请立即拨打120。",
    "{d}和{d2}都可能引起{b}{s}，需要结合病史和{e}来区分。",
    "{p}{b}{s}时，要注意防跌倒，居家环境应保持通道畅通、光线充足。",
    "{d}{q}的{p}，{w}可以尝试{t}，但要避免过度劳累。",
    "{e}没有明显异常，并不代表没有{d}，{w}还要结合体格检查。",
    "不少{p}以为{s}只是累了，结果拖成了{d}{q}。",
]  # fmt: skip
QUESTIONS = [
    "{d}为什么会引起{b}{s}", "{b}{s}是怎么回事", "{s}应该做什么检查", "{d}能通过{t}改善吗",
    "{d}患者饮食要注意什么", "{b}{s}要挂哪个科", "{d}会遗传吗", "{b}{s}多久能恢复", "{p}{b}{s}怎么办",
    "{d}{q}可以做{t}吗",
]  # fmt: skip
ARTICLE_TITLES = ["{d}", "{d}{q}的{t}", "{b}{s}的常见原因", "{d}与{b}{s}", "{e}检查须知", "{p}的{t}指南"]
HEADINGS = [
    "常见原因", "主要表现", "需要做的检查", "治疗方法", "日常护理", "饮食建议", "康复训练", "什么时候需要就医",
    "容易混淆的情况", "预防要点", "复查与随访", "家属能做什么",
]  # fmt: skip


def terms() -> list[str]:
    """The medical vocabulary the text is drawn from (and added to the user dictionary)."""
    combos = [b + s for b in BODY for s in SYMPTOMS] + [d + q for d in DISEASES for q in QUALIFIERS]
    return DISEASES + EXAMS + TREATMENTS + combos


def _fill(rng: random.Random, template: str) -> str:
    d, d2 = rng.sample(DISEASES, 2)
    return template.format(
        d=d, d2=d2, s=rng.choice(SYMPTOMS), b=rng.choice(BODY), e=rng.choice(EXAMS), t=rng.choice(TREATMENTS),
        f=rng.choice(FOODS), p=rng.choice(PEOPLE), w=rng.choice(EVERYDAY), q=rng.choice(QUALIFIERS),
    )  # fmt: skip


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(_fill(rng, rng.choice(TEMPLATES)) for _ in range(sentences))


def generate(out: Path, entries: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    for sub in ("articles", "qa", "search"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    cats = "\n".join(f"  - name: {c}" for c in CATEGORIES)
    (out / "library.yaml").write_text(
        f"id: search-bench-{entries}\ntitle: 搜索基准资料库（{entries} 篇）\nlanguage: zh-Hans\nversion: '{seed}'\n"
        f"disclaimer: 本资料仅供基准测试。\ncategories:\n{cats}\n",
        encoding="utf-8",
    )
    shutil.copy(REAL_SEARCH / "synonyms.txt", out / "search" / "synonyms.txt")
    userdict = (REAL_SEARCH / "userdict.txt").read_text(encoding="utf-8")
    userdict += "".join(f"{t} 1000 n\n" for t in terms() if t.isascii() is False)
    (out / "search" / "userdict.txt").write_text(userdict, encoding="utf-8")

    n_articles = int(entries * 0.6)
    for i in range(entries):
        is_article = i < n_articles
        entry_id = f"a{i:05d}" if is_article else f"q{i:05d}"
        if is_article:
            title = _fill(rng, rng.choice(ARTICLE_TITLES))
            body = paragraph(rng, 2) + "\n\n"
            for heading in rng.sample(HEADINGS, rng.randint(4, 7)):
                body += f"## {heading}\n\n" + "\n\n".join(paragraph(rng, rng.randint(2, 3)) for _ in range(2)) + "\n\n"
        else:
            title = _fill(rng, rng.choice(QUESTIONS))
            body = "\n\n".join(paragraph(rng, rng.randint(2, 4)) for _ in range(rng.randint(2, 3))) + "\n"
        fm = front_matter(
            id=entry_id,
            type="article" if is_article else "qa",
            title=title,
            summary=_fill(rng, rng.choice(TEMPLATES)),
            category=rng.choice(CATEGORIES),
            tags=[rng.choice(DISEASES), rng.choice(SYMPTOMS)],
            aliases=[rng.choice(BODY) + rng.choice(SYMPTOMS)],
            reviewed="2026-11-01",
        )
        folder = "articles" if is_article else "qa"
        (out / folder / f"{entry_id}.md").write_text(fm + body, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the folder to write the library into")
    parser.add_argument("--entries", type=int, default=10_000, help="how many entries (default 10,000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed; the same seed gives the same library")
    ns = parser.parse_args(argv)
    print(f"wrote {ns.entries} entries to {generate(ns.out, ns.entries, ns.seed)}")


if __name__ == "__main__":
    main()
