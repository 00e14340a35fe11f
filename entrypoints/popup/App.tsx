export function App() {
  return (
    <main class="popup">
      <h1>PyPI Guard</h1>
      <section data-empty-state class="empty">
        <p>No PyPI account seen yet.</p>
        <p>
          Open your account settings on PyPI once, and PyPI Guard will check its security for you.
        </p>
        <a class="button" href="https://pypi.org/manage/account/two-factor/" target="_blank" rel="noreferrer">
          Open PyPI account security
        </a>
      </section>
    </main>
  );
}
