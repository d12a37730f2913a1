export function App() {
  return <div>Hooldus</div>
}
