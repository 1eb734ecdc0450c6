/** The top-level layout of the workbench. */
export function App() {
  return (
    <main>
      <h1>Precept</h1>
    </main>
  );
}
