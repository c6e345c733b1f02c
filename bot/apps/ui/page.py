"""What the page carries besides its components: the CSS (under Gradio's `.contain`), the page-level style, and
our own script (a click on [n] opens source n, Copy gives text, the edit box shows a question as typed, the
question box counts its characters). Article text never reaches this script.
"""

CSS = """
.sources details { margin: 4px 0; }
.sources summary { cursor: pointer; }
.sources blockquote { margin: 4px 0 8px 0; padding-left: 10px; border-left: 3px solid #ccc; white-space: normal; }
/* Dark text on the highlight in both themes: inherited near-white text on pale yellow was unreadable in dark mode. */
.sources mark { background: #fff3a3; color: #1f1f1f; padding: 0 2px; }
.searched { opacity: 0.75; font-size: 0.9em; }
/* The questions offered with a refusal sit under the answer that offers them, not in the asker's column. */
#chat .options { justify-content: flex-start; margin-left: 0 !important; }
/* The reasons a Dislike can give open above its flag, in a box, in type one can read: Gradio's menu opened below it,
   where the chat cuts off what is under its last message, in 10 px type with no box (a tester on a phone). */
#chat .extra-feedback-options { top: auto !important; bottom: 26px !important; z-index: 20; padding: 4px;
  background: var(--background-fill-primary); border: 1px solid var(--border-color-primary); border-radius: 6px; }
#chat .extra-feedback-option { font-size: 0.85rem !important; padding: 4px 8px !important; white-space: nowrap; }
/* Someone's words an article quotes, in an answer: a quotation, not lines opening with ">". */
blockquote.quoted { margin: 4px 0; padding-left: 10px; border-left: 3px solid #ccc; }
.sources .qbar { display: inline-block; width: 0; height: 1em; border-left: 3px solid #ccc; margin-right: 8px; vertical-align: -0.15em; }
/* Room above the first message for the chat's toolbar, which would otherwise cover its first line. */
#chat .bubble-wrap { padding-top: 2.5rem; }
#count { font-size: 0.85em; opacity: 0.8; text-align: right; min-height: 1.2em; }
#count.over { color: #b91c1c; opacity: 1; font-weight: 600; }
"""

# Page-level rules go in the page's own <style>: Gradio scopes `css` under its `.contain` element, which the
# page's padding (.main) and the title are outside of.
# On a phone the chat takes the screen and the question box is in view on first load: no page margins or bubble
# indents eating a third of 390 px, a one-line title, and a chat short enough to leave the box above the fold.
PAGE_STYLE = """<style>
/* The side panel's toggle (a 28 px circle at the page's edge) read as covering the title's first letter, 4 px off. */
#title h2 { padding-left: 8px; }
@media (max-width: 640px) {
  .gradio-container .main.fillable { padding: 4px !important; }
  #title h2 { font-size: 1.1rem; margin: 0; padding-left: 36px; }  /* clear of the side panel's toggle */
  #title p { display: none; }
  #chat { height: 64vh !important; min-height: 0 !important; }
  #chat .message-row { max-width: 100% !important; margin-left: 0 !important; margin-right: 0 !important; }
  .sources blockquote { padding-left: 6px; margin-left: 0; }
  /* The articles table in 382 px: smaller type and padding, so that a file name breaks at its hyphens. */
  #articles th, #articles [role="gridcell"] { padding: 3px !important; font-size: 0.75rem !important; }
}
</style>"""


# Our own script (article text never holds any): a click on an answer's [n] opens source n; Copy gives text;
# the edit box shows a question as typed; the question box counts its characters.
HEAD = PAGE_STYLE + """<script>
document.addEventListener("click", (event) => {
  const a = event.target.closest && event.target.closest("a.cite");
  if (!a) return;
  const target = document.getElementById(a.getAttribute("href").slice(1));
  if (!target) return;
  event.preventDefault();
  target.open = true;
  target.scrollIntoView({behavior: "smooth", block: "nearest"});
});
// A message's element from one of its buttons: Gradio puts a message's buttons in the element after its row.
function messageOf(button) {
  let row = button.closest(".message-buttons, .message-row");
  while (row && !row.querySelector("[data-testid='bot'], [data-testid='user']")) row = row.previousElementSibling;
  return row && row.querySelector("[data-testid='bot'], [data-testid='user']");
}
function conversationText() {
  return [...document.querySelectorAll("#chat [data-testid='bot'], #chat [data-testid='user']")]
    .map(m => (m.dataset.testid === "user" ? "You: " : "Answer: ") + m.innerText.trim()).join("\\n\\n");
}
// Copy gives what a reader sees (text and source titles), not HTML: while a copy button is being handled,
// what Gradio writes to the clipboard is replaced by that text (no race with Gradio's own asynchronous write).
let copying = null;
if (navigator.clipboard && navigator.clipboard.writeText) {
  const write = navigator.clipboard.writeText.bind(navigator.clipboard);
  navigator.clipboard.writeText = (text) => {
    const what = copying;
    copying = null;
    return write(what ? what() : text);
  };
}
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("#chat button");
  if (!button) return;
  const label = button.getAttribute("aria-label") || button.getAttribute("title") || "";
  if (label === "Copy message") {
    const message = messageOf(button);
    copying = message ? () => message.innerText.trim() : null;
  } else if (label === "Copy conversation") {
    copying = conversationText;
  }
}, true);
// Messages are kept as escaped HTML (user text never becomes markup), so Gradio's edit box would show
// "master&#39;s": it gets the question as typed instead.
function asTyped(html) {
  const t = document.createElement("textarea");
  t.innerHTML = html.replace(/<br>/g, "\\n");
  return t.value;
}
new MutationObserver(() => {
  for (const box of document.querySelectorAll("#chat textarea.edit-textarea:not([data-typed])")) {
    box.dataset.typed = "1";
    const typed = asTyped(box.value);
    if (typed !== box.value) {
      box.value = typed;
      box.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }
  // Screen readers announce a message as its text, not the HTML Gradio puts in its label.
  for (const m of document.querySelectorAll("[data-testid='bot'], [data-testid='user']")) {
    const text = m.innerText.trim().slice(0, 2000);
    if (m.getAttribute("aria-label") !== text) m.setAttribute("aria-label", text);
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
// The question box's length, said before anything is cut: nothing is cut in the box, and past the limit
// the count turns red and sending is refused with a line saying so.
function showCount() {
  const box = document.querySelector("#question textarea");
  const count = document.getElementById("count");
  if (!box || !count) return;
  const limit = Number(count.dataset.limit);
  const n = box.value.length;
  count.textContent = n ? `${n.toLocaleString("en")} / ${limit.toLocaleString("en")} characters` +
    (n > limit ? ": too long to send, shorten it" : "") : "";
  count.classList.toggle("over", n > limit);
}
document.addEventListener("input", showCount);
setInterval(showCount, 500);  // the app empties the box after a question is sent: no input event says so
</script>"""
