"""An OptionList that stays fast with thousands of one-line rows, at any terminal size.

Why: `OptionList` measures every row again whenever one prompt is replaced or the widget is
resized (it clears its line cache), which costs about 0.2 s with 2,000 rows: far too slow to
mark an inbox item read, or to switch hot-seat consoles, inside the 50 ms key budget. Our rows
are always one line (`text-wrap: nowrap` in app.tcss), so replacing a prompt never changes the
layout, and a resize only matters when the width really changed. With every row one line, rows
need not be measured at all, so a console's first showing of 2,000 rows costs no more than its
hundredth.

It also repaints only the rows that change: OptionList repaints (and re-renders from its
prompt) every visible row when the highlight moves or one prompt is replaced, which at 200x60
is 57 rows and most of an inbox move's time. Here a highlight move repaints the two rows
involved, a replaced prompt drops only that row's cached renders, and a console shown again at
the same width keeps its cached rows.

This leans on private members of Textual's OptionList (`_option_render_cache`, `_line_cache`,
`_update_lines`) and ScrollView (`_size_updated`), which is why Textual is pinned exactly; the
console snapshot and Pilot tests (tests/tui/test_fast_rows.py among them) catch a change.
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.widgets import OptionList


def highlight_first(option_list: OptionList) -> None:
    """Keyboard users land on a row, so Enter always acts on something."""
    if option_list.highlighted is None and option_list.option_count:
        option_list.highlighted = 0


class FastOptionList(OptionList):
    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but a move repaints the two rows it touches (see `watch_highlighted`)."""

    _measured_width = -1

    def on_focus(self) -> None:
        highlight_first(self)

    def _update_lines(self) -> None:
        """Every row is one line (no wrapping, no dividers): index the new rows without measuring them."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        start = cache.lines[-1][0] + 1 if cache.lines else 0
        for index in range(start, len(self.options)):
            cache.index_to_line[index] = len(cache.lines)
            cache.heights[index] = 1
            cache.lines.append((index, 0))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(cache.lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        # ScrollView compares the virtual size the layout offers with the list's own (its row
        # count, set in `_update_lines`), which never match, so every layout anywhere on the
        # screen repainted this list's scrollbar (and cost a frame of its own). The list keeps
        # its own virtual size; only a new size or container size matters here.
        return super()._size_updated(size, self.virtual_size, container_size, layout)

    def refresh_row(self, index: int | None) -> None:
        """Repaint one row, if it is on screen (a row scrolled out of view is painted when it
        comes back)."""
        if index is None or not self.is_mounted:
            return
        line = self._line_cache.index_to_line.get(index)
        if line is None:
            return
        y = line - self.scroll_offset.y
        if 0 <= y < self.scrollable_content_region.height:
            self.refresh(Region(0, y, self.scrollable_content_region.width, 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        super().watch_highlighted(new)  # scrolls to the row (a scroll repaints it all) and posts the message

    def set_prompt_fast(self, index: int, prompt) -> None:
        """Replace one row's prompt without measuring every row again (rows are one line)."""
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [k for k in cache.keys() if k[0] is option]:  # its renders, in every style
            cache.discard(key)
        self.refresh_row(index)

    def _on_resize(self, event) -> None:
        width = self.scrollable_content_region.width
        if width == self._measured_width or width == 0:
            # Same width (or hidden while another console is shown): the row heights and the
            # cached row renders still hold, so skip OptionList's own handler, which would
            # measure every row again and render every visible row from its prompt.
            event.prevent_default()
        else:
            self._measured_width = width
