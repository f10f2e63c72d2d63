"""Benchmark of `docgen bao-cao` (a script, not a test): prints times, ratios and peak memory.

    .venv/bin/python bench/bench_bao_cao.py [--districts N] [--skip-raw] [--workers 2] [--no-plans]

1. The 2022 sample (data/mau/2022-dien-bien): time per district report, and the whole run.
2. National synthetic batch: every district of dvhc_3cap_2024 with its communes (the list
   holds 691 districts and 10,051 communes), rendered with `--workers` processes.
3. The consolidated Phụ lục of all 10,051 communes in one document.
4. The whole job as a user runs it (`docgen.api.bao_cao`: read + check the input, render, write
   atomically, ND30 format check of the written file) on the 10 sample files and on a national
   synthetic folder of one .xlsx per district (built as bench_tong_hop.py builds it), with the time
   per report split into read+check / render / ND30 check / write, and the peak memory.

Each is printed next to raw docxtpl rendering the same templates in the same run
(sandboxed env with autoescape, the whole document through Jinja) and next to the
floor: the final document.xml built by string joins of escaped values, then zipped.
Targets: Phụ lục ≤ 1.5 × floor; batch ≤ 2 × (N × one-document floor); peak < 300 MB.
Each part runs in a fresh interpreter (and the batch in fresh worker processes) so that
each peak memory is that part's own.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import os
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.campaigns.campaign import load_campaign  # noqa: E402
from docgen.checks.figures import level_figures  # noqa: E402
from docgen.errors import Location  # noqa: E402
from docgen.records.model import Facts, Person, RawTable, Record, Role, Source, Submission  # noqa: E402

SAMPLE = ROOT / "data" / "mau" / "2022-dien-bien"

if os.environ.get("DOCGEN_BENCH_NO_PLANS"):  # --no-plans: docxtpl whole per document (+ docxcompose), as before plans
    from docgen.render import engine as _engine

    _engine.PLANS = False


def peak_mb(who=resource.RUSAGE_SELF) -> float:
    """Return the peak resident memory in MB (Linux reports kB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


# ---------------------------------------------------------------- synthetic data


def synthetic_submission(campaign, district, communes) -> Submission:
    """Return a checked-looking submission of `district`: a filled row for it and each commune."""
    province = district.parent
    records = []
    for i, unit in enumerate([district, *communes]):
        level = campaign.level_at(unit.level) or campaign.top_level
        n = f"{i:04d}"
        records.append(Record(
            Location(f"{district.code}.xlsx", "Phụ lục", f"B{i + 8}"), unit.full_name, unit,
            page_name=level.expected_page_name(unit) if i % 7 else f"Mặt trận A & B <C> {n}",
            link=f"https://www.facebook.com/mattran{unit.code}", platform="Facebook",
            leader=Person(Role.LEADER, f"Nguyễn Văn {n}", f"0912 345 {n[:3]}", f"ld{unit.code}@gmail.com"),
            operator=Person(Role.OPERATOR, f"Lò Thị {n}", f"0969 123 {n[:3]}", f"vh{unit.code}@gmail.com"),
        ))
    expected = (district, *communes)
    facts = Facts(don_vi=district.full_name, nguoi_ky="Giàng A Dình", chuc_vu="CHỦ TỊCH",
                  tham_quyen="TM. BAN THƯỜNG TRỰC", luu="VP", co_ke_hoach=True, bao_cao_cap_uy=True)
    source = Source(f"{district.code}.xlsx", RawTable(Location(f"{district.code}.xlsx"), "A7", ()), facts)
    del province
    return Submission(source, district, tuple(records), (), level_figures(campaign, expected, tuple(records)), expected)


def national(campaign, limit: int | None):
    """Return synthetic submissions for every district of the unit list (or the first `limit`)."""
    units = campaign.units
    districts = units.units[1][:limit] if limit else units.units[1]
    return [synthetic_submission(campaign, d, units.children(d)) for d in districts]


# ---------------------------------------------------------------- the three renderers


def ours(args):
    from docgen.jobs.bao_cao import render_submission

    sub, campaign = args
    report, _, _ = render_submission(sub, campaign)
    return len(report)


def ours_cpu(args) -> float:
    """Return the CPU seconds this worker spent rendering one report."""
    t0 = time.process_time()
    ours(args)
    return time.process_time() - t0


def raw_docxtpl(template: Path, ctx: dict) -> bytes:
    """Return the template rendered by plain docxtpl (sandboxed, autoescaped), saved."""
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment

    from docgen.render.filters import FILTERS

    env = SandboxedEnvironment(autoescape=True)
    env.filters.update(FILTERS)
    tpl = DocxTemplate(template)
    tpl.render(ctx, jinja_env=env)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def raw(args):
    from docgen.documents import bao_cao, phu_luc

    sub, campaign = args
    rctx = bao_cao.build_context(sub, campaign)
    a = raw_docxtpl(campaign.template("cong_van.docx"), rctx)
    b = raw_docxtpl(campaign.template("phu_luc.docx"), phu_luc.build_context([sub], campaign, rctx))
    return len(a) + len(b)


class Floor:
    """The floor: document.xml = frame head + rows joined from escaped values + frame tail, zipped."""

    def __init__(self, appendix: Path, report: Path):
        from docgen.ooxml.rows import DOCUMENT_PART, slot_marker
        from docgen.render.rows import prepare

        prepared = prepare(appendix.read_bytes())
        loop = prepared.loops[0]
        z = zipfile.ZipFile(io.BytesIO(prepared.template))
        xml = z.read(DOCUMENT_PART)
        self.head, _, self.tail = xml.partition(slot_marker(loop.slot))
        self.group, self.data = loop.group, loop.data
        rz = zipfile.ZipFile(io.BytesIO(report.read_bytes()))
        self.report_body = rz.read(DOCUMENT_PART)
        self.others = [(i.filename, rz.read(i)) for i in rz.infolist() if i.filename != DOCUMENT_PART]

    def build(self, groups: list[dict], with_report: bool) -> bytes:
        from docgen.ooxml.rows import escape

        parts = []
        for g in groups:
            parts.append(self.group.fill([escape(str(g.get(k) or "")) for k in self.group.keys]))
            for r in g["dong"]:
                parts.append(self.data.fill([escape(str(r.get(k) or "")) for k in self.data.keys]))
        xml = self.head + "".join(parts).encode() + self.tail
        if with_report:
            xml = self.report_body + xml  # one more part's worth of bytes, as the composed file holds
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.others:
                z.writestr(name, data)
            z.writestr("word/document.xml", xml)
        return out.getvalue()


def floor_one(args):
    floor, groups = args
    return len(floor.build(groups, True))


# ---------------------------------------------------------------- runs


def bench_sample(campaign) -> None:
    from docgen.jobs.bao_cao import render_submission
    from docgen.checks import check_source
    from docgen.readers import find_inputs, read_source

    if not SAMPLE.is_dir():
        print(f"[mẫu 2022] bỏ qua: không có {SAMPLE}")
        return
    files = list(find_inputs([SAMPLE]))
    subs = [check_source(read_source(f), campaign) for f in files]
    render_submission(subs[0], campaign)  # warm-up: templates prepared, Jinja compiled
    t_all = time.perf_counter()
    times = []
    for sub in subs:
        t, _ = timed(render_submission, sub, campaign)
        times.append((t, sub.reporting_unit.full_name if sub.reporting_unit else "?", len(sub.records)))
    total = time.perf_counter() - t_all
    t_raw, _ = timed(lambda: [raw((s, campaign)) for s in subs])
    print(f"[mẫu 2022] {len(subs)} báo cáo: docgen {total:.2f} s (trung bình {total / len(subs) * 1000:.0f} ms/báo cáo), "
          f"docxtpl thô {t_raw:.2f} s ({t_raw / total:.1f}×)")
    for t, name, n in times:
        print(f"    {name:<28} {n:>4} dòng  {t * 1000:6.0f} ms")


def bench_appendix(campaign, skip_raw: bool) -> None:
    from docgen.documents import phu_luc
    from docgen.render.engine import render

    subs = national(campaign, None)
    # One document: every commune of the country in one table.
    ctx = phu_luc.build_context(subs, campaign, {})
    n_rows = sum(len(g["dong"]) for g in ctx["nhom"])
    template = campaign.template("phu_luc.docx")
    render(template, {**ctx, "nhom": []}, light=True).to_bytes()  # warm-up
    t_ours, data = timed(lambda: render(template, ctx, light=True).to_bytes())  # as `bao-cao --phu-luc-rieng` does
    ours_peak = peak_mb()  # before the floor, which holds the whole document.xml in memory
    floor = Floor(template, campaign.template("cong_van.docx"))
    t_floor, fdata = timed(floor.build, ctx["nhom"], False)
    print(f"[Phụ lục toàn quốc] {n_rows} dòng: docgen {t_ours:.3f} s ({len(data) / 1e6:.1f} MB), "
          f"sàn {t_floor:.3f} s ({len(fdata) / 1e6:.1f} MB) → tỉ lệ {t_ours / t_floor:.2f}× (mục tiêu ≤ 1,5×)")
    print(f"    bộ nhớ đỉnh của cả tiến trình sau docgen: {ours_peak:.0f} MB (mục tiêu < 300 MB); "
          f"sau sàn: {peak_mb():.0f} MB")
    if not skip_raw:
        t_raw, _ = timed(raw_docxtpl, template, ctx)
        print(f"    docxtpl thô {t_raw:.2f} s ({t_raw / t_floor:.1f}× sàn, {t_raw / t_ours:.1f}× docgen), "
              f"bộ nhớ đỉnh sau docxtpl thô {peak_mb():.0f} MB")


def bench_batch(campaign, limit, workers: int, skip_raw: bool) -> None:
    from docgen.documents import phu_luc

    subs = national(campaign, limit)
    floor = Floor(campaign.template("phu_luc.docx"), campaign.template("cong_van.docx"))
    groups = [phu_luc.build_context([s], campaign, {})["nhom"] for s in subs]
    t_floor, _ = timed(lambda: [floor_one((floor, g)) for g in groups])
    ctx = mp.get_context("spawn")  # fresh workers: their peak memory is docgen's alone
    jobs = [(s, campaign) for s in subs]
    with ctx.Pool(workers) as pool:
        pool.map(ours, [(subs[0], campaign)] * workers * 2, 1)  # warm-up: templates prepared in each worker
        t_ours, cpu = timed(pool.map, ours_cpu, jobs, 4)
    print(f"[Lô toàn quốc] {len(subs)} báo cáo ({sum(len(s.records) for s in subs)} dòng), {workers} tiến trình: "
          f"docgen {t_ours:.2f} s ({t_ours / len(subs) * 1000:.1f} ms/báo cáo), sàn {len(subs)} × một văn bản "
          f"{t_floor:.2f} s → tỉ lệ {t_ours / t_floor:.2f}× (mục tiêu ≤ 2×)")
    print(f"    CPU của các tiến trình con {sum(cpu):.2f} s ({sum(cpu) / len(subs) * 1000:.1f} ms/báo cáo; "
          f"sàn {t_floor / len(subs) * 1000:.1f} ms) trên {t_ours:.2f} s thực → {sum(cpu) / t_ours:.2f} lõi được dùng; "
          f"tải máy (uptime): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"    bộ nhớ đỉnh: tiến trình chính {peak_mb():.0f} MB, tiến trình con {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    if not skip_raw:
        with ctx.Pool(workers) as pool:
            pool.map(raw, jobs[:workers * 2], 1)
            t_raw, _ = timed(pool.map, raw, jobs, 4)
        print(f"    docxtpl thô (2 mẫu, không ghép) {t_raw:.2f} s ({t_raw / t_floor:.1f}× sàn, "
              f"{t_raw / t_ours:.1f}× docgen)")


# ---------------------------------------------------------------- the whole job

JOB_PHASES = ("đọc+kiểm tra", "dựng", "kiểm tra ND30", "ghi")


class PhaseClock:
    """Wraps the job's steps (by the names it calls them through) and sums the time spent in each."""

    def __init__(self):
        self.seconds = dict.fromkeys(JOB_PHASES, 0.0)
        self._undo = []

    def wrap(self, module, name: str, phase: str) -> None:
        inner = getattr(module, name)

        def timed_step(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[phase] += time.perf_counter() - t0

        setattr(module, name, timed_step)
        self._undo.append((module, name, inner))

    def __enter__(self):
        import docgen.checks
        import docgen.readers
        import docgen.output
        from docgen.jobs import bao_cao as job

        self.wrap(docgen.readers, "read_source", "đọc+kiểm tra")
        self.wrap(docgen.checks, "check_source", "đọc+kiểm tra")
        self.wrap(job, "render_submission", "dựng")
        self.wrap(docgen.output, "write_bytes", "ghi")
        self.wrap(job, "check_written", "kiểm tra ND30")
        return self

    def __exit__(self, *exc):
        for module, name, inner in reversed(self._undo):
            setattr(module, name, inner)


def run_job(inputs: Path, out: Path, campaign: str | None, label: str) -> None:
    """Run `docgen.api.bao_cao` over `inputs` as a user does (after a warm-up on one file), then, when
    that used worker processes, once more all in this process to split the time per report by phase."""
    from docgen import api
    from docgen.jobs import bao_cao as job

    kw = {"chien_dich": campaign} if campaign else {}
    files = sorted(p for p in inputs.iterdir() if p.suffix in (".xlsx", ".docx"))
    api.bao_cao(files[:1], out / "khoi-dong", ghi_de=True, **kw)  # warm-up: templates prepared, Jinja compiled
    parallel = len(files) >= job.PARALLEL_FROM
    with PhaseClock() as clock:
        t0, c0 = time.perf_counter(), os.times()
        res = api.bao_cao([inputs], out / "ra", ghi_de=True, **kw)
        total, c1 = time.perf_counter() - t0, os.times()
    cpu = (c1.user + c1.system + c1.children_user + c1.children_system) - \
        (c0.user + c0.system + c0.children_user + c0.children_system)
    n = len(res.written)
    errors = sum(len(c.errors) for w in res.written for c in w.format_checks)
    how = f"{min(os.cpu_count() or 1, job.MAX_WORKERS)} tiến trình con" if parallel else "một tiến trình"
    print(f"[công việc bao-cao, {label}] {n} báo cáo ({len(res.refused)} bị từ chối, {errors} lỗi ND30), {how}: "
          f"{total:.2f} s ({total / max(n, 1) * 1000:.1f} ms/báo cáo; CPU {cpu:.2f} s); bộ nhớ đỉnh "
          f"{peak_mb():.0f} MB" + (f", tiến trình con {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB" if parallel else "")
          + f"; tải máy (uptime): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if parallel:  # the phases ran in the workers: measure them here, one input after the other
        saved, job.PARALLEL_FROM = job.PARALLEL_FROM, 10 ** 9
        try:
            with PhaseClock() as clock:
                t0 = time.perf_counter()
                res = api.bao_cao([inputs], out / "ra-1", ghi_de=True, **kw)
                total = time.perf_counter() - t0
        finally:
            job.PARALLEL_FROM = saved
        print(f"    cùng lô trong một tiến trình: {total:.2f} s ({total / max(n, 1) * 1000:.1f} ms/báo cáo)")
    rest = total - sum(clock.seconds.values())
    print("    mỗi báo cáo: " + ", ".join(f"{k} {v / max(n, 1) * 1000:.1f} ms" for k, v in clock.seconds.items())
          + f", còn lại {rest / max(n, 1) * 1000:.1f} ms")


def bench_job(limit: int | None) -> None:
    """Time the job on the 2022 sample, then on the national synthetic folder, each in a fresh interpreter."""
    import subprocess
    import tempfile

    if SAMPLE.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, __file__, "--job-run", str(SAMPLE), "", "", tmp, "mẫu 2022"], check=True)
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_tong_hop as national_folder
    import docgen.records.units as units_mod

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        real_data = units_mod.DATA_DIR
        inputs, camp, files, _ = national_folder.build(folder)  # re-points the unit list at `folder`
        units_mod.DATA_DIR = real_data
        if limit:
            for p in sorted(inputs.iterdir())[limit:]:
                p.unlink()
        print(f"    (đã tạo {min(files, limit or files)} tệp .xlsx cấp huyện trong {time.perf_counter() - t0:.1f} s)")
        subprocess.run([sys.executable, __file__, "--job-run", str(inputs), str(camp), str(folder), tmp,
                        "toàn quốc"], check=True)


def job_run(inputs: str, camp: str, data_dir: str, out: str, label: str) -> None:
    """Run the job once in this (fresh) process, so that the peak memory printed is the job's own."""
    import docgen.campaigns.campaign  # noqa: F401  (binds the real data/ for templates first)
    import docgen.records.units as units_mod

    if data_dir:
        units_mod.DATA_DIR = Path(data_dir)
    run_job(Path(inputs), Path(out), camp or None, label)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--districts", type=int, default=None, help="chỉ N huyện đầu (mặc định: tất cả)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-raw", action="store_true", help="bỏ phần docxtpl thô (chậm)")
    ap.add_argument("--no-plans", action="store_true",
                    help="docgen không dùng kế hoạch dựng sẵn theo mẫu (render.plan): để so sánh trước/sau")
    ap.add_argument("--part", choices=("sample", "appendix", "batch", "job"), help="chỉ chạy một phần (trong tiến trình này)")
    ap.add_argument("--job-run", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.job_run:
        job_run(*args.job_run)
        return
    if args.no_plans:
        os.environ["DOCGEN_BENCH_NO_PLANS"] = "1"
        from docgen.render import engine

        engine.PLANS = False
    if args.part is None:  # each part in a fresh interpreter, so each peak memory is its own
        import subprocess

        for part in ("sample", "appendix", "batch", "job"):
            subprocess.run([sys.executable, __file__, "--part", part, *sys.argv[1:]], check=True)
        return
    campaign = load_campaign()
    if args.part == "sample":
        bench_sample(campaign)
    elif args.part == "appendix":
        bench_appendix(campaign, args.skip_raw)
    elif args.part == "batch":
        bench_batch(campaign, args.districts, args.workers, args.skip_raw)
    else:
        bench_job(args.districts)


if __name__ == "__main__":
    main()
