// A "Copy" button on every code block of a guide: a real <button> (keyboard and screen readers), added by
// the page's one script (no inline script, so the Content-Security-Policy stays strict). The result is
// announced through a polite live region.
export function addCopyButtons(root: ParentNode = document): void {
  const blocks = root.querySelectorAll<HTMLPreElement>('.prose pre');
  if (blocks.length === 0) return;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  document.body.append(status);
  blocks.forEach((pre, index) => {
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', `Copy code block ${index + 1}`);
    button.addEventListener('click', async () => {
      const text = pre.querySelector('code')?.textContent ?? pre.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
        status.textContent = `Code block ${index + 1} copied.`;
      } catch {
        button.textContent = 'Copy failed';
        status.textContent = 'The browser did not allow copying; select the text instead.';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
    wrapper.append(button);
  });
}
