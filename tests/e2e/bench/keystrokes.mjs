// The one way keystrokes are timed, by the benchmark and by the search test: for every
// character of `query`, `rounds` times, the time from the input event to the next rendered
// frame. Runs in the page (pass it to page.evaluate).
export async function timeKeystrokes({ selector, query, rounds }) {
  const input = document.querySelector(selector);
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const times = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 1; i <= query.length; i++) {
      const started = performance.now();
      input.value = query.slice(0, i);
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await frame();
      times.push(performance.now() - started);
    }
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await frame();
  }
  return times;
}
