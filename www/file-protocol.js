// Opened from a file (file://), the app's module scripts are refused by the browser, so
// 「読み込み中…」 would stay forever. This classic script still runs there and says what to do
// instead. Served over http(s) it does nothing.
if (location.protocol === 'file:') {
  const root = document.getElementById('app');
  const box = document.createElement('div');
  box.className = 'start-problem';
  const lines = [
    ['h1', 'このファイルはサーバーから開くためのものです', 'This page is meant to be opened from a web server'],
    ['p', 'ブラウザはファイルとして開いたこのページの部品を読み込みません。ファイルで使うには、1 つのファイルにまとめた版 (tekigo.html) を開いてください。または、このフォルダーを Web サーバーで配信して、その URL を開いてください (開発用には cargo xtask serve)。', 'Browsers do not load this page’s parts when it is opened as a file. To use tekigo from a file, open the single-file edition (tekigo.html), or serve this folder with a web server and open its URL (for development: cargo xtask serve).'],
  ];
  for (const [tag, ja, en] of lines) {
    for (const [text, lang] of [[ja, 'ja'], [en, 'en']]) {
      const element = document.createElement(tag === 'h1' && lang === 'en' ? 'p' : tag);
      element.lang = lang;
      element.textContent = text;
      box.append(element);
    }
  }
  root.replaceChildren(box);
}
