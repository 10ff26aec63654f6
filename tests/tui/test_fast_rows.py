"""FastOptionList repaints only the rows that change: what it paints must still be what the rows say."""

from __future__ import annotations

from textual.app import App
from textual.geometry import Region
from textual.widgets.option_list import Option

from tui.widgets.fast_list import FastOptionList


class Rows(App):
    CSS = "FastOptionList { height: 1fr; border: none; padding: 0; text-wrap: nowrap; }"

    def compose(self):
        yield FastOptionList(*[Option(f"● row {n}", id=str(n)) for n in range(30)])


def painted(rows: FastOptionList):
    """The lines the list paints now (from its caches, as the screen gets them)."""
    return rows.render_lines(Region(0, 0, rows.size.width, rows.size.height))


async def test_a_replaced_prompt_is_painted_and_the_other_rows_are_not_touched():
    app = Rows()
    async with app.run_test(size=(40, 12)) as pilot:
        rows = app.query_one(FastOptionList)
        await pilot.pause()
        before = painted(rows)
        rows.set_prompt_fast(2, "  row 2")  # an inbox row loses its unread mark
        await pilot.pause()
        after = painted(rows)
        assert after[2].text.startswith("  row 2")
        assert [s.text for n, s in enumerate(after) if n != 2] == [s.text for n, s in enumerate(before) if n != 2]


async def test_a_highlight_move_repaints_the_row_it_leaves_and_the_row_it_reaches():
    app = Rows()
    async with app.run_test(size=(40, 12)) as pilot:
        rows = app.query_one(FastOptionList)
        rows.focus()
        await pilot.pause()
        rows.highlighted = 0
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        lines = painted(rows)

        def background(n: int):
            return {seg.style.bgcolor for seg in lines[n] if seg.style is not None}

        assert rows.highlighted == 1
        assert background(0) == background(5)  # left: painted as a plain row again
        assert background(1) != background(5)  # reached: painted highlighted

