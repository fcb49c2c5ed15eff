"""The words of a question that are not its subject, and what they ask for.

Patients type whole questions: 面瘫多久能好, 肌肉萎缩吃什么好, 做肌电图疼不疼.  The subject (面瘫,
肌肉萎缩, 肌电图) is what an entry must be about; the rest says what is asked.  This module is the one
curated list of that rest, in three kinds:

- ``PARTICLES``: modal particles and structural words (吗, 呢, 吧, 了, 的 …).  They carry nothing and
  are dropped.
- ``QUESTION_WORDS``: question words and question phrases (怎么, 多久, 是不是, 挂什么科 …), and
  ``FILLERS``: everyday words around a question (我, 最近, 老是, 请问 …).  They never have to match;
  they still count a little when an entry has them (a Q&A titled 肌肉萎缩应该怎么办 answers
  肌肉萎缩怎么办 better than one titled 肌肉萎缩的症状有哪些), and a filler is reported as not found
  like any other typed word.
- ``INTENTS``: what kind of answer the question wants, told by cue words (多久 → how long / recovery,
  吃什么 → diet, 疼不疼 → what the test is like, 遗传 → inheritance, 挂什么科 → which department …),
  and the words a section heading that answers it contains (恢复, 饮食, 感觉, 遗传, 就医 …).  An entry
  with such a section ranks higher and opens there; a Q&A whose own title asks the same kind of
  question ranks higher still.  Cue words may be content words too (遗传, 症状): they are then searched
  as well.

Everything is folded (simplified Chinese, lower case), as search compares it.

>>> intents_of("面瘫多久能好"), intents_of("做肌电图疼不疼"), intents_of("肌肉萎缩会不会遗传")
(('recovery',), ('experience',), ('inheritance',))
>>> heading_intents("恢复前景"), heading_intents("检查时是什么感觉")
(('recovery',), ('experience',))
>>> word_kind("吗"), word_kind("多久"), word_kind("老是"), word_kind("面瘫")
('particle', 'question', 'filler', None)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Dropped: they say nothing about what is asked or about what.
# Single characters that are often part of a word (下 in 下垂, 着 in 着凉, 好 in 好转) are not here:
# without the index's vocabulary at hand (suggestions) they would cut words apart.
PARTICLES = frozenset(
    "吗 嘛 呢 吧 啊 呀 哦 喔 哈 啦 呗 么 了 的 得 嗯 哎 唉 诶 呐 哇 还是 就是 是 也 都 还 又 再 就 才 很 太 挺 "
    "啥".split()
)

# Question words and phrases: they never have to match.
QUESTION_WORDS = frozenset(
    """
    怎么 怎样 怎么样 怎么办 怎么治 怎么治疗 怎么处理 怎么弄 怎么回事 是怎么回事 怎么会 咋 咋办 咋回事 咋整 咋弄
    如何 如何治疗 如何解决 如何预防 为什么 为何 为啥 干嘛 什么 什么样 什么时候 什么原因 是什么原因 啥原因
    哪些 哪个 哪种 哪里 哪儿 哪只 是不是 是否 会不会 能不能 可不可以 可以 能 会 要 该 应该 应当 需要 需不需要
    有没有 有什么 要不要 用不用 算不算 好不好 行不行 严重吗 要紧吗 要紧 严不严重 厉害吗 多久 多长时间 多少 多大 多高
    多少天 几天 几周 几个月 几年 多长 一下 一般 到底 究竟 能好 会好 能好吗 好得了 治得好 能治 能治好 能治吗
    吃什么 吃啥 吃什么好 吃什么补 喝什么 补什么 疼不疼 痛不痛 疼吗 痛吗 难受吗 挂什么科 挂哪个科 看什么科
    看哪个科 挂号 看哪科 哪个科 什么科 注意什么 要注意什么 注意些什么 有用吗 管用吗 有效吗 有没有用 没用
    还能 还会 还要 能否
    """.split()
)

# Everyday words around a question, about the asker rather than the subject, and verb endings that
# mean nothing alone (拿不住, 撑不住: 不住 would match every entry that says 忍不住).
FILLERS = frozenset(
    """
    我 我的 我们 我妈 我爸 我家 我老婆 我老公 他 她 他们 它 你 您 自己 家里人 大夫 医生 请问 请教 想问 问一下
    最近 这几天 这两天 这段时间 一直 总是 老是 经常 常常 有时 有时候 偶尔 突然 有点 有些 有一点 一点 感觉 觉得
    好像 特别 非常 比较 真的 然后 而且 但是 可是 所以 因为 如果 现在 已经 还是 这个 那个 这种 那种 这样 那样
    不住 不了
    """.split()
)


def word_kind(word: str) -> str | None:
    """'particle', 'question' or 'filler' for a word of these lists, else None (a subject word)."""
    if word in PARTICLES:
        return "particle"
    if word in QUESTION_WORDS:
        return "question"
    if word in FILLERS:
        return "filler"
    return None


MAX_WORD = max(len(w) for w in PARTICLES | QUESTION_WORDS | FILLERS)
_LENGTHS: dict[str, set[int]] = {}
for _w in PARTICLES | QUESTION_WORDS | FILLERS:
    _LENGTHS.setdefault(_w[0], set()).add(len(_w))
LENGTHS_FROM = {ch: frozenset(n) for ch, n in _LENGTHS.items()}  # first character -> word lengths


@dataclass(frozen=True)
class Intent:
    name: str
    cues: tuple[str, ...]  # in the question: any of these (folded) says this is what is asked
    headings: tuple[str, ...]  # in a section heading: any of these says the section answers it
    not_in: tuple[str, ...] = ()  # ...unless it is part of one of these (营养 in 肌营养不良 is no diet)
    label: str = ""  # in Chinese, for ``healthreader search --explain``


INTENTS: tuple[Intent, ...] = (
    Intent(
        "recovery",
        (
            "多久",
            "多长时间",
            "几天",
            "几周",
            "几个月",
            "几年",
            "能好",
            "会好",
            "好得了",
            "恢复",
            "长回来",
            "能活",
            "寿命",
            "后遗症",
            "好不了",
            "没好",
            "还能好",
        ),
        ("恢复", "预后", "多久", "前景", "发展", "病程", "寿命"),
        label="多久能好",
    ),  # fmt: skip
    Intent(
        "diet",
        (
            "吃什么",
            "吃啥",
            "吃点",
            "饮食",
            "能吃",
            "不能吃",
            "忌口",
            "补什么",
            "喝什么",
            "营养",
            "补蛋白",
            "蛋白粉",
            "食物",
            "食谱",
        ),
        ("吃", "饮食", "营养", "蛋白", "进食", "食物"),
        ("营养不良", "口吃"),
        label="吃什么",
    ),  # fmt: skip
    Intent(
        "experience",
        ("疼不疼", "痛不痛", "疼吗", "痛吗", "难受吗", "什么感觉", "怎么做的", "留疤", "麻醉"),
        ("感觉", "疼不疼", "怎么做", "过程"),
        label="检查时的感受",
    ),  # fmt: skip
    Intent(
        "preparation",
        ("注意什么", "要注意", "注意些什么", "准备", "空腹", "之前", "前要", "注意事项"),
        ("准备", "注意", "之前", "前后", "须知"),
        label="检查前准备",
    ),  # fmt: skip
    Intent(
        "inheritance",
        ("遗传", "传给", "传染", "再生一个", "再生", "生孩子", "要孩子", "家族", "下一代", "二胎", "携带"),
        ("遗传", "生育", "家人", "家族"),
        label="遗传",
    ),  # fmt: skip
    Intent(
        "department",
        ("挂什么科", "挂哪个科", "看什么科", "看哪个科", "看哪科", "哪个科", "什么科", "挂号", "去哪看", "哪家医院"),
        ("挂什么科", "就医", "就诊", "看医生", "科"),
        label="挂什么科",
    ),  # fmt: skip
    Intent(
        "treatment",
        (
            "怎么办",
            "怎么治",
            "怎么治疗",
            "如何治疗",
            "如何解决",
            "治疗",
            "能治",
            "治好",
            "治得好",
            "有用吗",
            "管用",
            "有效吗",
            "用什么药",
            "吃什么药",
            "手术",
            "开刀",
            "咋办",
            "怎么处理",
            "药",
        ),
        ("治疗", "处理", "怎么办", "改善", "管理", "用药"),
        label="怎么治",
    ),  # fmt: skip
    Intent(
        "causes",
        (
            "什么原因",
            "是什么原因",
            "啥原因",
            "为什么",
            "为啥",
            "为何",
            "怎么回事",
            "是怎么回事",
            "咋回事",
            "怎么会",
            "原因",
            "引起",
            "导致",
            "怎么来的",
        ),
        ("原因", "为什么", "病因", "怎么回事", "怎么来", "为何"),
        label="什么原因",
    ),  # fmt: skip
    Intent(
        "signs",
        ("症状", "表现", "是不是", "什么样", "征兆", "信号", "早期", "迹象", "算不算", "会不会是"),
        ("表现", "症状", "信号", "特点", "典型", "区分"),
        label="症状表现",
    ),  # fmt: skip
    Intent(
        "exercise",
        ("怎么练", "锻炼", "运动", "练肌肉", "能练", "能动", "康复", "训练", "活动"),
        ("练", "锻炼", "训练", "运动", "康复"),
        label="怎么锻炼",
    ),  # fmt: skip
    Intent(
        "self_check",
        ("自己测", "自测", "自查", "怎么知道", "在家怎么测", "自己检查", "怎么判断", "怎么测"),
        ("自查", "自我检查", "测", "判断"),
        label="自己怎么查",
    ),  # fmt: skip
    Intent(
        "prevention",
        ("预防", "防止", "怎么防", "避免", "防褥疮", "防跌倒"),
        ("预防", "防"),
        label="怎么预防",
    ),  # fmt: skip
    Intent(
        "urgency",
        ("要紧吗", "严重吗", "危险吗", "严不严重", "要不要去医院", "喘不上气", "急"),
        ("就医", "急症", "危象", "立即", "马上"),
        label="要不要紧",
    ),  # fmt: skip
)
_BY_NAME = {i.name: i for i in INTENTS}


def label_of(name: str) -> str:
    """An intent's name in Chinese."""
    return _BY_NAME[name].label


@lru_cache(maxsize=8192)  # titles and headings are asked about again and again
def intents_of(text: str) -> tuple[str, ...]:
    """What ``text`` (a folded question or a Q&A title) asks for, in ``INTENTS`` order."""
    return tuple(i.name for i in INTENTS if any(c in text for c in i.cues))


@lru_cache(maxsize=8192)
def heading_intents(heading: str) -> tuple[str, ...]:
    """The intents a section heading (folded) answers.

    >>> heading_intents("肌营养不良症"), heading_intents("营养和日常照护")
    ((), ('diet',))
    """
    out = []
    for intent in INTENTS:
        text = heading
        for word in intent.not_in:
            text = text.replace(word, "\0")
        if any(h in text for h in intent.headings):
            out.append(intent.name)
    return tuple(out)
