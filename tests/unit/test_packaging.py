"""The packaging files, checked without building anything (the build and its smoke test take minutes
and run by hand: ``packaging/build --check``).

The PyInstaller spec is read with ``ast`` rather than executed: it only runs inside PyInstaller.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from healthreader import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "healthreader.spec"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
LAUNCHER = PACKAGING / "linux" / "healthreader-launcher.sh"


def spec_lists() -> dict[str, list[str]]:
    """The spec's top-level list literals (EXCLUDED_QT_MODULES, DROP_PATTERNS, ...)."""
    found: dict[str, list[str]] = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    found[target.id] = ast.literal_eval(node.value)
    return found


def qt_modules_the_app_imports() -> set[str]:
    used: set[str] = set()
    for path in (ROOT / "src" / "healthreader").rglob("*.py"):
        used.update(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return {f"PySide6.{name}" for name in used}


def dropped(path: str) -> bool:
    return any(re.search(p, path) for p in spec_lists()["DROP_PATTERNS"])


def system_lib(name: str) -> bool:
    return any(re.search(p, name) for p in spec_lists()["SYSTEM_LIBS"])


# --- the spec -------------------------------------------------------------------------------------


def test_spec_lists_are_plain_literals_without_duplicates() -> None:
    lists = spec_lists()
    for name in ("EXCLUDED_QT_MODULES", "EXCLUDED_PY_MODULES", "DROP_PATTERNS", "SYSTEM_LIBS"):
        assert name in lists, f"{name} is no longer a plain list literal in {SPEC.name}"
        assert len(lists[name]) == len(set(lists[name])), f"{name} lists something twice"
    for pattern in lists["DROP_PATTERNS"] + lists["SYSTEM_LIBS"]:
        re.compile(pattern)


def test_no_excluded_qt_module_is_one_the_app_imports() -> None:
    used = qt_modules_the_app_imports()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert not used & set(spec_lists()["EXCLUDED_QT_MODULES"])


def test_excluded_qt_modules_exist_in_pyside6() -> None:
    """A misspelt name would exclude nothing and silently grow the bundle."""
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    for module in spec_lists()["EXCLUDED_QT_MODULES"]:
        name = module.removeprefix("PySide6.")
        assert (folder / f"{name}.pyi").exists(), f"{module} is not a PySide6 module"


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qtbase_zh_TW.qm",
        "PySide6/QtPrintSupport.abi3.so",
        "content/articles/facial-palsy.md",
        "resources/i18n/healthreader_zh_CN.qm",
        "resources/icons/healthreader.svg",
    ],
)
def test_what_the_app_needs_is_kept(path: str) -> None:
    assert not dropped(path)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm",
        "PySide6/Qt/translations/designer_zh_CN.qm",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "libcups.so.2",
    ],
)
def test_what_the_spec_promises_to_drop_is_dropped(path: str) -> None:
    assert dropped(path)


@pytest.mark.parametrize(
    ("name", "from_system"),
    [
        ("libGL.so.1", True),
        ("libEGL.so.1", True),
        ("libfontconfig.so.1", True),
        ("libglib-2.0.so.0", True),
        ("libxcb-cursor.so.0", True),
        ("libxkbcommon-x11.so.0", True),
        ("libX11-xcb.so.1", True),
        ("libpulse.so.0", True),
        ("libspeechd.so.2", True),
        ("libpython3.11.so.1.0", False),
        ("libQt6Core.so.6", False),
        ("libicuuc.so.73", False),
        ("libssl.so.3", False),
        ("libsqlite3.so.0", False),
        ("libstdc++.so.6", False),
    ],
)
def test_system_libraries_are_left_to_the_package_dependencies(name: str, from_system: bool) -> None:
    assert system_lib(name) is from_system


def test_every_system_library_has_its_debian_package_in_depends() -> None:
    """SYSTEM_LIBS are left out of the bundle, so the .deb must depend on what provides them."""
    build = (PACKAGING / "build").read_text(encoding="utf-8")
    depends = re.search(r"^DEPENDS=\((.*?)^\)", build, re.S | re.M)
    assert depends, "packaging/build has no DEPENDS=( ... ) list"
    listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", depends.group(1)))
    for package in (
        "libegl1",
        "libgl1",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libfontconfig1",
        "libfreetype6",
        "libdbus-1-3",
        "libglib2.0-0",
        "libx11-6",
        "libx11-xcb1",
        "libxcb1",
        "libxcb-cursor0",
        "fonts-noto-cjk",
        "fonts-wqy-microhei",
    ):
        assert package in listed, f"{package} missing from DEPENDS"


def test_the_version_is_written_once_and_the_build_checks_the_metainfo() -> None:
    """A bumped .deb once said the old --version: pyproject, the spec and the build all read __version__."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "healthreader.__version__"}
    assert '"src" / "healthreader" / "__init__.py"' in SPEC.read_text(encoding="utf-8")
    build = (PACKAGING / "build").read_text(encoding="utf-8")
    assert "src/healthreader/__init__.py" in build and "the metainfo's newest release is" in build
    assert '"$BUNDLE/healthreader" --version' in build, "the build checks what the frozen app says"
    releases = [r.get("version") for r in ET.parse(METAINFO).getroot().iter("release")]
    assert releases and releases[0] == __version__, "the metainfo's newest release is not this version"


def test_the_example_policy_is_neutral_and_its_defaults_match_the_documentation() -> None:
    from healthreader.config.kiosk import KioskPolicy, load_policy, unedited_placeholders

    policy, problems = load_policy(PACKAGING / "kiosk" / "kiosk.toml.example")
    assert problems == []
    assert unedited_placeholders(policy) == ["clinic_name", "clinic_phone"], "kiosk check must flag them"
    defaults = KioskPolicy(enabled=True)
    for name in ("printing", "text_size", "ui_language", "bookmarks", "idle_timeout_s", "countdown_s", "search_stats"):
        assert getattr(policy, name) == getattr(defaults, name), f"the example sets {name} unlike its default"
    admin = (PACKAGING / "kiosk" / "ADMIN.md").read_text(encoding="utf-8")
    for key in ("trusted_keys", "pack_folder", "search_stats"):
        assert f"`{key}`" in admin


def test_kiosk_check_flags_the_unedited_example(tmp_path: Path) -> None:
    from healthreader.cli import main

    assert main(["kiosk", "check", "--policy", str(PACKAGING / "kiosk" / "kiosk.toml.example")]) == 1
    edited = tmp_path / "kiosk.toml"
    text = (PACKAGING / "kiosk" / "kiosk.toml.example").read_text(encoding="utf-8")
    edited.write_text(text.replace("请填写诊所名称", "康复门诊").replace("请填写诊所电话", ""), encoding="utf-8")
    assert main(["kiosk", "check", "--policy", str(edited)]) == 0


def test_the_package_recommends_speech_and_its_purge_tells_about_the_policy() -> None:
    build = (PACKAGING / "build").read_text(encoding="utf-8")
    recommends = re.search(r"^RECOMMENDS=\((.*?)\)", build, re.M)
    assert recommends and {"speech-dispatcher", "speech-dispatcher-espeak-ng"} <= set(
        re.findall(r'"([^"]+)"', recommends.group(1))
    )
    assert "kiosk.toml was left in place" in build
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Neither removes `/etc/healthreader/`" in readme
    smoke = (PACKAGING / "smoke-test").read_text(encoding="utf-8")
    assert 'chmod 755 "$tmp"' in smoke and 'chmod 755 "$R"' in smoke, "the root must be enterable by the user"


def test_the_offline_package_list_is_shipped() -> None:
    names = (PACKAGING / "linux" / "offline-packages.txt").read_text(encoding="utf-8").split()
    assert names == sorted(names) and "libgl1" in names and "healthreader" not in names


def test_a_pack_wraps_as_a_library_package(tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    from healthreader.packs import SigningKey, build_pack
    from tests.conftest import TINY_LIBRARY

    key = SigningKey.generate("clinic")
    pub = key.save(tmp_path / "clinic.key")
    pack = tmp_path / "lib.hrpack"
    build_pack(TINY_LIBRARY, key, pack)
    out = subprocess.run(
        [str(PACKAGING / "build-library"), str(pack), "--key", str(pub), "-o", str(tmp_path / "dist")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    deb = Path(out.stdout.strip())
    assert deb.name == "healthreader-library-test-library_1.0_all.deb"
    field = lambda name: subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True
    ).stdout.strip()
    assert field("Depends") == f"healthreader (>= {__version__})"
    contents = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    assert "./usr/share/healthreader/packs/test-library_1.0.hrpack" in contents
    assert "./etc/healthreader/keys/clinic.pub" in contents
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    assert (
        "healthreader pack install /usr/share/healthreader/packs/test-library_1.0.hrpack"
        in (control / "postinst").read_text()
    )


# --- scripts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "script", [LAUNCHER, PACKAGING / "build", PACKAGING / "smoke-test", PACKAGING / "build-library"]
)
def test_scripts_are_executable_and_parse(script: Path) -> None:
    assert os.access(script, os.X_OK), f"{script.name} is not executable (git update-index --chmod=+x)"
    shell = "sh" if script == LAUNCHER else "bash"
    assert script.read_text(encoding="utf-8").startswith("#!"), f"{script.name} has no #! line"
    subprocess.run([shell, "-n", str(script)], check=True)


def test_launcher_runs_the_bundle_in_opt() -> None:
    text = LAUNCHER.read_text(encoding="utf-8")
    assert 'exec /opt/healthreader/healthreader "$@"' in text


def test_bash_scripts_stop_on_errors() -> None:
    for script in (PACKAGING / "build", PACKAGING / "smoke-test", PACKAGING / "build-library"):
        assert "set -euo pipefail" in script.read_text(encoding="utf-8"), script.name


# --- desktop integration ------------------------------------------------------------------------------


def test_desktop_file_names_the_app_id() -> None:
    text = DESKTOP.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text
    assert "Exec=healthreader" in text
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name


def test_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
