"""Records read from memory (a web upload): the same tables and the same file, line and column errors as from a
path, and nothing written to disk."""

from __future__ import annotations

import io

import pytest

from sectorhub.lmi import api

PEOPLE = (
    b"participant_id,program,partnership,entry_date,exit_date,exclusion,training,credential_date,credential_type\n"
    b"A1,adult,P1,2023-01-02,2023-08-01,,occupational,2023-07-01,certificate\n"
    b"A2,youth,,2023-02-01,,,,,\n"
)
WAGES = b'participant_id,year,quarter,employer_id,wages\nA1,2024,1,E1,"1,250.50"\nA2,2024,1,E2,0\n'


def test_bytes_a_file_object_and_a_path_read_to_the_same_tables(tmp_path):
    """Two periods and two wage rows, typed alike whichever way the file arrives."""
    path = tmp_path / "people.csv"
    path.write_bytes(PEOPLE)
    from_path = api.read_participants(path)
    assert api.read_participants(PEOPLE, name="people.csv").equals(from_path)
    assert api.read_participants(io.BytesIO(PEOPLE), name="people.csv").equals(from_path)
    assert from_path["partnership"].to_pylist() == ["P1", None]
    pay = api.read_wages(b"\xef\xbb\xbf" + WAGES, name="w.csv")  # a spreadsheet's byte-order mark is dropped
    assert pay["wages"].to_pylist() == [1250.5, 0.0]
    assert pay["participant_id"].to_pylist() == ["A1", "A2"]


def test_a_bad_line_in_memory_is_named_by_the_name_given():
    """Line 3's quarter 5 is column 3; the name is the one the upload gave, not a temporary path."""
    bad = WAGES.replace(b"A2,2024,1", b"A2,2024,5")
    with pytest.raises(
        api.RecordsError, match=r"^upload-w\.csv, line 3, column 3 \(quarter\): bad quarter '5'"
    ):
        api.read_wages(bad, name="upload-w.csv")


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "w.csv: the file is empty"), (b"  \n", "w.csv: the file is empty"),
     (b"participant_id,year\n\xff\xfe\n", "w.csv: not a UTF-8 CSV file (byte 21)")],
)  # fmt: skip
def test_an_empty_or_non_utf8_upload_is_refused_by_name(data, message):
    """Nothing to read, or bytes that are not UTF-8 (byte 21 is the first 0xFF)."""
    with pytest.raises(api.RecordsError) as exc:
        api.read_wages(data, name="w.csv")
    assert exc.value.errors == [message]
