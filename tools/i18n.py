#!/usr/bin/env python3
"""Keep the Qt translations in step with the code.

    python tools/i18n.py update    # pyside6-lupdate: collect every tr() string of src/healthreader/ui into the .ts files
    python tools/i18n.py release   # pyside6-lrelease: build the .qm files the app loads
    python tools/i18n.py check     # exit 1 when a string has no translation or a .qm is out of date
    python tools/i18n.py derive-tw # fill zh_TW's missing translations from zh_CN's (OpenCC s2twp), then review them

Translators edit resources/i18n/*.ts (Qt Linguist, or by hand); the built .qm files are committed
beside them so that a checkout, a wheel and a bundle all carry them without a build step.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "zh_TW")
SOURCES = sorted((ROOT / "src" / "healthreader" / "ui").rglob("*.py"))


def tool(name: str) -> str:
    exe = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not exe:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return exe


def ts_file(lang: str) -> Path:
    return I18N / f"healthreader_{lang}.ts"


def qm_file(lang: str) -> Path:
    return I18N / f"healthreader_{lang}.qm"


def supplements(lang: str) -> list[tuple[Path, Path]]:
    """(.ts, .qm) of the translations of Qt's own strings that PySide6's qtbase files lack (edited by hand)."""
    return [(ts, ts.with_suffix(".qm")) for ts in sorted(I18N.glob(f"qt_supplement_{lang}.ts"))]


def update(target: Path | None = None, lang: str = "zh_CN") -> Path:
    out = target or ts_file(lang)
    if target and ts_file(lang).exists():
        shutil.copy(ts_file(lang), out)
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            lang,
            *map(str, SOURCES),
            "-ts",
            str(out),
        ],
        check=True,
    )
    return out


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation text, type attribute)."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.findtext("source") or "")] = (
                (tr.text or "") if tr is not None else "",
                tr.get("type", "") if tr is not None else "",
            )
    return out


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            fresh = update(Path(tmp) / f"{lang}.ts", lang)
            committed = messages(ts_file(lang)) if ts_file(lang).exists() else {}
            for key in messages(fresh):
                if key not in committed:
                    problems.append(f"{ts_file(lang).name}: not collected yet (run update): {key[0]}: {key[1]!r}")
                elif not committed[key][0].strip() or committed[key][1] in ("unfinished", "vanished", "obsolete"):
                    problems.append(f"{ts_file(lang).name}: no {lang} translation: {key[0]}: {key[1]!r}")
            built = Path(tmp) / f"{lang}.qm"
            if ts_file(lang).exists():
                release(ts_file(lang), built)
                if not qm_file(lang).exists() or not filecmp.cmp(built, qm_file(lang), shallow=False):
                    problems.append(f"{qm_file(lang).name} is out of date (run release)")
            for ts, qm in supplements(lang):
                built = Path(tmp) / qm.name
                release(ts, built)
                if not qm.exists() or not filecmp.cmp(built, qm, shallow=False):
                    problems.append(f"{qm.name} is out of date (run release)")
    return problems


# s2twp reads 查找 (find) as 查詢 (query) and 类型 as 型別 (a programmer's word): corrected after review.
TW_PHRASES = [("頁內查詢", "頁內尋找"), ("查詢下一個", "尋找下一個"), ("查詢上一個", "尋找上一個"),
              ("在本頁中查詢", "在本頁中尋找"), ("要查詢的詞", "要搜尋的詞"), ("型別：", "類型："), ("稽核日期", "審核日期"),
              ("許可權", "權限"), ("聯網", "連網"), ("新建資料夾", "新增資料夾"), ("（回車）", "（Enter）")]  # fmt: skip


def derive_tw() -> int:
    """Give every zh_TW message that has none the zh_CN translation in Taiwan's characters and words.

    Only missing translations are filled: a reviewed zh_TW translation is never overwritten.
    """
    import html
    import re

    import opencc

    convert = opencc.OpenCC("s2twp").convert
    chinese = {k: v for k, (v, kind) in messages(ts_file("zh_CN")).items() if v.strip() and not kind}
    filled = 0

    def fill_message(context: str, block: re.Match[str]) -> str:
        nonlocal filled
        text = block[0]
        source = html.unescape(re.search(r"<source>(.*?)</source>", text, re.S)[1])  # type: ignore[index]
        done = re.search(r"<translation>(.+?)</translation>", text, re.S)
        if done or (context, source) not in chinese:
            return text
        tw = convert(chinese[(context, source)])
        for wrong, right in TW_PHRASES:
            tw = tw.replace(wrong, right)
        filled += 1
        escaped = html.escape(tw, quote=False).replace("'", "&apos;").replace('"', "&quot;")
        return re.sub(
            r"<translation[^>]*>.*?</translation>|<translation[^>]*/>",
            f"<translation>{escaped}</translation>",
            text,
            flags=re.S,
        )

    def fill_context(block: re.Match[str]) -> str:
        context = html.unescape(re.search(r"<name>(.*?)</name>", block[0], re.S)[1])  # type: ignore[index]
        return re.sub(r"<message>.*?</message>", lambda m: fill_message(context, m), block[0], flags=re.S)

    path = ts_file("zh_TW")
    path.write_text(
        re.sub(r"<context>.*?</context>", fill_context, path.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8"
    )
    return filled


def main() -> int:
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "update":
        for lang in LANGUAGES:
            print("updated", update(lang=lang))
    elif cmd == "release":
        for lang in LANGUAGES:
            release(ts_file(lang), qm_file(lang))
            print("built", qm_file(lang))
            for ts, qm in supplements(lang):
                release(ts, qm)
                print("built", qm)
    elif cmd == "derive-tw":
        print("filled", derive_tw(), "zh_TW translations from zh_CN; review them, then run release")
    elif cmd == "check":
        problems = check()
        print("\n".join(problems) or "translations complete")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
