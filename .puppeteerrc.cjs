// pagedjs-cli (a benchmark peer) depends on puppeteer, whose install step would download Chrome:
// Triptyque uses the system's Chromium instead (see scripts/browser/find-browser.ts).
module.exports = { skipDownload: true };
