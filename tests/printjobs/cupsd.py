"""A private CUPS server for the printing tests: its own cupsd.conf, ServerRoot, spool and socket in a
temporary folder, a cups-pdf queue per paper size writing PDFs into that folder, stopped after.

Nothing of the machine's own CUPS is touched: the clients reach this server through ``CUPS_SERVER``
(its Unix socket), cups-pdf reads its configuration from the private ServerRoot.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

CUPSD = shutil.which("cupsd") or "/usr/sbin/cupsd"
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
# Queue name -> the paper it is set up with, as a clinic would set up its printers with lpadmin.
QUEUES = {
    "a4": "iso_a4_210x297mm",
    "a5": "iso_a5_148x210mm",
    "receipt80": "oe_80x200mm",
    "letter": "na_letter_8.5x11in",
}


class CupsUnavailable(RuntimeError):
    """cupsd or cups-pdf is not installed, or cupsd would not start here; the message says which."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class CupsServer:
    root: Path
    process: subprocess.Popen[bytes] | None = None
    port: int = 0
    env: dict[str, str] = field(default_factory=dict)
    _confs: list[Path] = field(default_factory=list)

    @property
    def socket_path(self) -> Path:
        return self.root / "cups.sock"

    @property
    def pdf_dir(self) -> Path:
        return self.root / "pdf"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=30, check=check)

    def start(self) -> None:
        if not Path(CUPSD).exists():
            raise CupsUnavailable("cupsd is not installed (Debian: apt-get install cups; tools/setup.sh does it)")
        if not CUPS_PDF_PPD.exists() or not Path("/usr/lib/cups/backend/cups-pdf").exists():
            raise CupsUnavailable("cups-pdf is not installed (Debian: apt-get install printer-driver-cups-pdf)")
        if os.geteuid() != 0:
            raise CupsUnavailable("cups-pdf's backend runs only under a cupsd started as root")
        etc = self.root / "etc"
        for sub in ("etc/ppd", "etc/ssl", "spool/tmp", "cache", "state", "log", "pdf"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        # Filters run as the unprivileged User lp: they must reach the PPDs and the temporary files.
        for folder in (self.root, etc, etc / "ppd", self.root / "spool", self.root / "cache"):
            folder.chmod(0o755)
        for folder in (self.root / "pdf", self.root / "spool/tmp"):
            folder.chmod(0o1777)
        self.port = _free_port()
        (etc / "cupsd.conf").write_text(
            f"""LogLevel warn
Listen 127.0.0.1:{self.port}
Listen {self.socket_path}
Browsing Off
DefaultAuthType None
WebInterface No
JobRetryLimit 0
PreserveJobHistory Yes
MaxJobTime 60
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
            encoding="utf-8",
        )
        (etc / "cups-files.conf").write_text(
            f"""ServerRoot {etc}
RequestRoot {self.root / "spool"}
TempDir {self.root / "spool/tmp"}
CacheDir {self.root / "cache"}
StateDir {self.root / "state"}
ErrorLog {self.root / "log/error_log"}
AccessLog {self.root / "log/access_log"}
PageLog {self.root / "log/page_log"}
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice Yes
User lp
Group lp
SystemGroup root
""",
            encoding="utf-8",
        )
        self.env = {**os.environ, "CUPS_SERVER": str(self.socket_path), "CUPS_SERVERROOT": str(etc)}
        self.env.pop("PRINTER", None)
        self.env.pop("LPDEST", None)
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(etc / "cupsd.conf"), "-s", str(etc / "cups-files.conf")],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise CupsUnavailable(f"cupsd exited at start ({self.process.returncode}): {err.strip()}")
            if self.socket_path.exists() and self.run("lpstat", "-r", check=False).returncode == 0:
                break
            time.sleep(0.1)
        else:
            self.stop()
            raise CupsUnavailable("cupsd did not answer on its socket within 15 s")
        for name, media in QUEUES.items():
            self.add_queue(name, media)
        self.run("lpadmin", "-d", "a4")

    def add_queue(self, name: str, media: str) -> None:
        # cups-pdf reads its configuration from /etc/cups only (the path is compiled in), as
        # cups-pdf-<URI path>.conf; a name with this server's port keeps it apart from any other.
        instance = f"healthreader-test-{self.port}-{name}"
        conf = Path("/etc/cups") / f"cups-pdf-{instance}.conf"
        conf.write_text(
            f"Out {self.pdf_dir}\nAnonDirName {self.pdf_dir}\nLabel 0\nTitlePref 1\nDecodeHexStrings 1\n",
            encoding="utf-8",
        )
        self._confs.append(conf)
        self.run(
            "lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{instance}", "-P", str(CUPS_PDF_PPD), "-o", f"media={media}"
        )
        self.run("lpadmin", "-p", name, "-o", f"media-default={media}")
        self.run("cupsenable", name)
        self.run("cupsaccept", name)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None
        for conf in self._confs:
            conf.unlink(missing_ok=True)
        self._confs.clear()

    def pause(self) -> None:
        """Freeze cupsd (SIGSTOP): it keeps its socket and never answers, as a hung server does."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def pdfs(self) -> list[Path]:
        return sorted(self.pdf_dir.rglob("*.pdf"), key=lambda p: p.stat().st_mtime)
