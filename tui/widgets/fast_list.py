"""An OptionList that stays fast with thousands of one-line rows.

Why: `OptionList` measures every row again whenever one prompt is replaced or the widget is
resized (it clears its line cache), which costs about 0.2 s with 2,000 rows: far too slow to
mark an inbox item read, or to switch hot-seat consoles, inside the 50 ms key budget. Our rows
are always one line (`text-wrap: nowrap` in app.tcss), so replacing a prompt never changes the
layout, and a resize only matters when the width really changed. This leans on two private
members of Textual's OptionList (`_option_render_cache`, `_line_cache`, `_update_lines`), which
is why Textual is pinned exactly; the console snapshot and Pilot tests catch a change. With
every row one line, rows need not be measured at all, so a console's first showing of 2,000
rows costs no more than its hundredth.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import OptionList


def highlight_first(option_list: OptionList) -> None:
    """Keyboard users land on a row, so Enter always acts on something."""
    if option_list.highlighted is None and option_list.option_count:
        option_list.highlighted = 0


class FastOptionList(OptionList):
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

    def set_prompt_fast(self, index: int, prompt) -> None:
        """Replace one row's prompt without measuring every row again (rows are one line)."""
        self.get_option_at_index(index)._set_prompt(prompt)
        self._option_render_cache.clear()  # renders are cached per visible row only: cheap to redo
        self.refresh()

    def _on_resize(self, event) -> None:
        width = self.scrollable_content_region.width
        if width == self._measured_width or width == 0:
            # Same width (or hidden while another console is shown): the row heights still hold,
            # so skip OptionList's own handler, which would measure every row again.
            event.prevent_default()
            self._option_render_cache.clear()
            self.refresh()
        else:
            self._measured_width = width
