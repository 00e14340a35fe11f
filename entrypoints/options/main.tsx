import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>PyPI Guard settings</h1>
      <p>Settings arrive with reminders and data export.</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
