/** Settings. Few for now: where the keyboard shortcut is changed, and where the data lives. */
export function OptionsSettings() {
  return (
    <section class="options-settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <p class="hint">
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> opens the reading queue. Change it on your browser’s extension
        shortcuts page.
      </p>
      <p class="hint">
        Your library is kept on this device only. A JSON backup (Export, above) is how to keep a copy or move it to
        another browser.
      </p>
    </section>
  );
}
