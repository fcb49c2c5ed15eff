"""Fixtures for the search tests: the real library copied into a temporary folder, its index built
once per session, and a small generated library.  Nothing is written into the checkout."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from healthreader.content import Library, load_library
from healthreader.search import SearchService

ROOT = Path(__file__).resolve().parents[3]
REAL_LIBRARY = ROOT / "content"

TERMS = [
    "肌肉萎缩", "面神经麻痹", "腰椎间盘突出", "重症肌无力", "肌电图", "康复训练", "脑卒中", "神经根",
    "蛋白质", "吞咽困难", "眼睑闭合不全", "坐骨神经痛", "股四头肌", "踝泵运动", "营养支持", "维生素D",
]  # fmt: skip
FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"


def write_entry(
    folder: Path, entry_id: str, kind: str, title: str, tags: list[str], aliases: list[str], body: str
) -> None:
    sub = folder / ("articles" if kind == "article" else "qa")
    sub.mkdir(parents=True, exist_ok=True)
    (sub / f"{entry_id}.md").write_text(
        "---\n"
        f"id: {entry_id}\ntype: {kind}\ntitle: {title}\nsummary: {title}的要点。\ncategory: 神经与肌肉\n"
        f"tags: [{', '.join(tags)}]\naliases: [{', '.join(aliases)}]\nreviewed: 2026-11-01\n"
        "---\n" + body,
        encoding="utf-8",
    )


def generate_library(folder: Path, entries: int, seed: int) -> Path:
    """A small library of made-up medical text: terms from the list and common characters at random."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "library.yaml").write_text(
        "id: generated\ntitle: 生成的读本\nversion: '1'\ndisclaimer: 仅供测试。\ncategories:\n  - name: 神经与肌肉\n",
        encoding="utf-8",
    )

    def sentence() -> str:
        parts = [
            rng.choice(TERMS) if rng.random() < 0.3 else "".join(rng.choices(FILLER, k=rng.randint(2, 6)))
            for _ in range(rng.randint(3, 8))
        ]
        return "".join(parts) + rng.choice("。，；！？")

    for n in range(entries):
        kind = "article" if n % 3 else "qa"
        title = rng.choice(TERMS) + "".join(rng.choices(FILLER, k=rng.randint(2, 5)))
        sections = [
            f"## {''.join(rng.choices(FILLER, k=4))}\n\n" + "".join(sentence() for _ in range(rng.randint(2, 6)))
            for _ in range(rng.randint(1, 4))
        ]
        body = "".join(sentence() for _ in range(2)) + "\n\n" + "\n\n".join(sections) + "\n"
        write_entry(folder, f"gen-{n:04d}", kind, title, [rng.choice(TERMS)], [rng.choice(TERMS) + "病"], body)
    return folder


@pytest.fixture(scope="session")
def real_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("real") / "content"
    shutil.copytree(REAL_LIBRARY, dest)
    return dest


@pytest.fixture(scope="session")
def real_library(real_copy: Path) -> Library:
    return load_library([real_copy])


@pytest.fixture(scope="session")
def service(real_library: Library, tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    svc = SearchService.open(real_library, tmp_path_factory.mktemp("user") / "index", prebuilt_dirs=[])
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def generated_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library([generate_library(tmp_path_factory.mktemp("gen") / "lib", 60, seed=4)])


@pytest.fixture(scope="session")
def generated_service(generated_library: Library, tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    svc = SearchService.open(generated_library, tmp_path_factory.mktemp("genuser") / "index", prebuilt_dirs=[])
    yield svc
    svc.close()
