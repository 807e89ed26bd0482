// Branding page: keeps each colour picker and its text field in step, and refreshes the preview frame while the
// admin types (by submitting the form's Preview button into the frame). Without this script both still work.
(() => {
  const form = document.getElementById('branding-form');
  const button = form && form.querySelector('[data-preview-button]');
  if (!form || !button) {
    return;
  }

  const hex = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
  const full = (value) => value.length === 4 ? '#' + [...value.slice(1)].map((c) => c + c).join('') : value;
  for (const field of form.querySelectorAll('[data-colour-field]')) {
    const picker = field.querySelector('[data-colour-picker]');
    const text = field.querySelector('[data-colour-text]');
    picker.addEventListener('input', () => { text.value = picker.value; });
    text.addEventListener('input', () => { if (hex.test(text.value.trim())) { picker.value = full(text.value.trim()).toLowerCase(); } });
  }

  let timer = 0;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => form.requestSubmit(button), 400);
  });
})();
