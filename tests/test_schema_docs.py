"""The schema module owns every field; docs/schema.md and DESIGN's contract agree with it."""

from pathlib import Path

from kliping.dataset import schema

ROOT = Path(__file__).resolve().parents[1]

# DESIGN.md §2: the fields users and scripts rely on.
DESIGN_FIELDS = {
    "raw": "fetch_id url final_url site status headers body fetched_at run_id discovered_via",
    "articles": (
        "id url canonical_url site domain title description text authors editors published_at "
        "published_date published_raw modified_at date_flags dateline_place dateline_source "
        "section tags image_url language word_count text_hash simhash fetched_at run_id fetch_id "
        "cleaner_version"
    ),
    "runs": "run_id sites since until started_at finished_at status requests responses "
    "articles_new articles_skipped errors health",
}


def test_docs_generated_from_schema() -> None:
    assert (ROOT / "docs" / "schema.md").read_text().strip() == schema.markdown().strip(), (
        "docs/schema.md is stale: run `python -m kliping.dataset.schema > docs/schema.md`"
    )


def test_schema_has_design_fields() -> None:
    for name, fields in DESIGN_FIELDS.items():
        assert set(fields.split()) <= set(schema.DATASETS[name].names), name


def test_every_field_documented() -> None:
    for sch in schema.DATASETS.values():
        for field in sch:
            assert field.metadata and field.metadata.get(b"doc"), field.name


def test_key_types() -> None:
    a = schema.ARTICLES
    assert str(a.field("published_at").type) == "timestamp[s, tz=UTC]"
    assert str(a.field("published_date").type) == "date32[day]"
    assert str(a.field("simhash").type) == "uint64"
    assert str(schema.RAW.field("fetched_at").type) == "timestamp[ms, tz=UTC]"
    assert str(schema.RAW.field("status").type) == "int16"
