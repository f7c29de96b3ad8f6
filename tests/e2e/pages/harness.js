// Harness self-test page script: proves external 'self' scripts run under the CSP, exercises every
// kind of probe entry, and builds a tiny shadow-DOM element so the shadow helpers (text, rect,
// real WebDriver clicks into a shadow root) are tested before the real widget exists.
window.__externalRan = true;
console.error('harness: console.error works');
console.warn('harness: console.warn works');
Promise.reject(new Error('harness: rejection works'));
setTimeout(function () { throw new Error('harness: uncaught error works'); }, 0);

customElements.define('fake-quiz', class extends HTMLElement {
  connectedCallback() {
    var root = this.attachShadow({ mode: 'open' });
    var div = document.createElement('div');
    div.className = 'ccq';
    var title = document.createElement('h2');
    title.textContent = 'Fake   quiz';
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'count';
    button.textContent = '0';
    button.addEventListener('click', function () {
      button.textContent = String(Number(button.textContent) + 1);
    });
    div.append(title, button);
    root.append(div);
    var host = this;
    setTimeout(function () { host.setAttribute('data-ccq-state', 'ready'); }, 200);
  }
});
