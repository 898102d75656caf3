"""A throwaway PostgreSQL + PostGIS cluster for the tests marked ``postgis`` (no QGIS here).

``start()`` runs Debian's PostgreSQL binaries (``postgresql-15-postgis-3``, installed by the Makefile; the
newest version installed with PostGIS):
``initdb`` into a temporary folder with trust authentication, ``pg_ctl start`` on a free port with its
unix socket in that folder and listening on 127.0.0.1 only, ``createdb``, ``CREATE EXTENSION postgis``,
then ``ogr2ogr`` loads the sample territory and the illustrative tables twice: as the GeoPackage and the
CSV name their columns (``-lco LAUNDER=NO``: ``INSEE_COM``, ``P18_POP``) and as ``ogr2ogr`` writes them by
default, lower-cased (``insee_com``, ``p18_pop``; tables suffixed ``_lower``). ``stop()`` stops the server
and removes the folder; conftest calls it at the end of the session, and ``atexit`` does if the session
is cut short; a detached watchdog does once the test process is gone, even killed.

PostgreSQL refuses to run as root (``initdb`` says so): when the tests run as root (CI), the binaries run
as the ``postgres`` user Debian's packages create (``runuser -u postgres --``) in a folder it owns. The
socket folder is readable by all, so root's ``ogr2ogr`` and QGIS connect to it as the database user
``postgres`` (trust).
"""

import atexit
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import time

from testdata import SAMPLE, SAMPLE_TERRITORY

def _binaries():
    """Debian's PostgreSQL binaries of the newest version installed with PostGIS (15 on Debian 12), else 15's."""
    versions = sorted((int(name) for name in os.listdir("/usr/lib/postgresql") if name.isdigit()), reverse=True) \
        if os.path.isdir("/usr/lib/postgresql") else []
    for version in versions:
        if os.path.exists(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            return f"/usr/lib/postgresql/{version}/bin"
    return "/usr/lib/postgresql/15/bin"


BINARIES = _binaries()
DATABASE = "centralites"
USER = "postgres"
# (table, file, layer) loaded by ogr2ogr; each also as "<table>_lower" with ogr2ogr's default names.
TABLES = (
    ("communes", SAMPLE_TERRITORY, "communes"),
    ("comparateur", os.path.join(SAMPLE, "illustratif_base_cc_comparateur.csv"), None),
    ("bpe_domaines", os.path.join(SAMPLE, "illustratif_bpe_domaines.csv"), None),
)


class ClusterUnavailable(Exception):
    """The cluster could not start: the reason, for the skipped tests."""


class Cluster:
    def __init__(self, folder, port, seconds):
        self.folder = folder  # also the unix socket's folder: the "host" of a connection
        self.port = port
        self.start_seconds = seconds

    @property
    def data(self):
        return os.path.join(self.folder, "data")

    def connection(self, host=None):
        """The connection part of a QGIS data source URI: ``dbname=… host=… port=… user=…``."""
        return f"dbname={DATABASE} host={host or self.folder} port={self.port} user={USER}"

    def uri(self, table, geometry=None, host=None):
        """A QGIS PostgreSQL data source URI (``dbname=… table="public"."t" (geom)``)."""
        column = f" ({geometry})" if geometry else ""
        return f'{self.connection(host)} table="public"."{table}"{column}'

    def postgres_uri(self, table, geometry=None):
        """What QGIS processing reads as a PostGIS layer: ``postgres://`` then the URI."""
        return "postgres://" + self.uri(table, geometry)

    def ogr_uri(self, table, host=None):
        """OGR's form: ``PG:dbname=… tables=…``."""
        return f"PG:{self.connection(host)} tables={table}"

    def psql(self, sql):
        """Rows of ``sql`` (text, tab-separated), run by psql as the database user."""
        result = subprocess.run(
            [os.path.join(BINARIES, "psql"), "-X", "-A", "-t", "-F", "\t", "-h", self.folder, "-p", str(self.port),
             "-U", USER, "-d", DATABASE, "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL)
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def stop(self):
        if not os.path.isdir(self.folder):
            return
        try:
            _as_owner([os.path.join(BINARIES, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop"],
                      timeout=60)
        except (OSError, subprocess.SubprocessError):
            _kill_postmaster(self.data)
        shutil.rmtree(self.folder, ignore_errors=True)


def _runuser():
    # util-linux's, in /usr/sbin: found even when PATH has no sbin (a CI shell).
    return shutil.which("runuser") or "/usr/sbin/runuser"


def _running_as_root():
    return os.geteuid() == 0


def _as_owner(command, **kwargs):
    """Run a PostgreSQL binary as the cluster's owner: ``postgres`` when we are root, else ourselves."""
    if _running_as_root():
        command = [_runuser(), "-u", USER, "--"] + command
    return subprocess.run(command, capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL, **kwargs)


def _kill_postmaster(data):
    try:
        with open(os.path.join(data, "postmaster.pid"), encoding="ascii") as handle:
            os.kill(int(handle.readline()), 9)
    except (OSError, ValueError):
        pass


def _watch(folder, data):
    """A detached watchdog that stops the server and removes the folder once this process is gone, even
    killed (SIGKILL, a CI timeout), when neither the fixture's end nor ``atexit`` could run."""
    stop = " ".join(shlex.quote(part) for part in (
        ([_runuser(), "-u", USER, "--"] if _running_as_root() else [])
        + [os.path.join(BINARIES, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]))
    script = (f"while [ -d /proc/{os.getpid()} ] && [ -d {shlex.quote(folder)} ]; do sleep 2; done; "
              f"if [ -d {shlex.quote(folder)} ]; then {stop} >/dev/null 2>&1; rm -rf {shlex.quote(folder)}; fi")
    # Started in the background by a shell that returns at once: the watchdog outlives this process.
    subprocess.run(["sh", "-c", f"({script}) >/dev/null 2>&1 &"], stdin=subprocess.DEVNULL, check=True,
                   start_new_session=True)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unavailable_reason():
    """Why the cluster cannot start here, or None."""
    for program in ("initdb", "pg_ctl", "postgres", "psql"):
        if not os.access(os.path.join(BINARIES, program), os.X_OK):
            return f"PostgreSQL is not installed ({BINARIES}/{program}): apt-get install postgresql-15-postgis-3"
    version = os.path.basename(os.path.dirname(BINARIES))
    if not os.path.exists(f"/usr/share/postgresql/{version}/extension/postgis.control"):
        return f"PostGIS is not installed for PostgreSQL {version}: apt-get install postgresql-{version}-postgis-3 postgis"
    if shutil.which("ogr2ogr") is None:
        return "ogr2ogr is not installed: apt-get install gdal-bin"
    if _running_as_root():
        try:
            pwd.getpwnam(USER)
        except KeyError:
            return f"running as root and there is no '{USER}' user to run PostgreSQL"
        if not os.access(_runuser(), os.X_OK):
            return "running as root and runuser (util-linux) is missing"
    return None


def start():
    """A started cluster with the sample data loaded; raises ClusterUnavailable with the reason."""
    reason = unavailable_reason()
    if reason:
        raise ClusterUnavailable(reason)
    began = time.monotonic()
    folder = tempfile.mkdtemp(prefix="centralites-pg-")
    os.chmod(folder, 0o755)  # the socket's folder: root (or the test user) connects through it
    if _running_as_root():
        entry = pwd.getpwnam(USER)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(folder, _free_port(), None)
    atexit.register(cluster.stop)
    _watch(folder, cluster.data)
    try:
        _as_owner([os.path.join(BINARIES, "initdb"), "-D", cluster.data, "-A", "trust", "-U", USER, "-E", "UTF8",
                   "--no-sync", "--locale=C.UTF-8"], timeout=120)
        options = (f"-k {folder} -p {cluster.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        _as_owner([os.path.join(BINARIES, "pg_ctl"), "-D", cluster.data, "-l", os.path.join(folder, "server.log"),
                   "-o", options, "-w", "-t", "60", "start"], timeout=90)
        subprocess.run([os.path.join(BINARIES, "createdb"), "-h", folder, "-p", str(cluster.port), "-U", USER,
                        DATABASE], capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL, timeout=60)
        cluster.psql("CREATE EXTENSION postgis")
        for table, path, layer in TABLES:
            for name, launder in ((table, False), (table + "_lower", True)):
                command = ["ogr2ogr", "-f", "PostgreSQL", "PG:" + cluster.connection(), path]
                command += [layer] if layer else ["-oo", "AUTODETECT_TYPE=NO"]  # CSV cells as text: codes too
                command += ["-nln", name] + ([] if launder else ["-lco", "LAUNDER=NO"])
                subprocess.run(command, capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL,
                               timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", "") or ""
        log = os.path.join(folder, "server.log")
        if os.path.exists(log):
            with open(log, encoding="utf-8", errors="replace") as handle:
                detail += handle.read()[-2000:]
        cluster.stop()
        raise ClusterUnavailable(f"the PostgreSQL test cluster could not start: {error} {detail.strip()}") from error
    cluster.start_seconds = time.monotonic() - began
    return cluster
