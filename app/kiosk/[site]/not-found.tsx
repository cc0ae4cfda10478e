export default function KioskNotFound() {
  return (
    <main className="grid flex-1 place-items-center p-8 text-center">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">This screen is not set up</h1>
        <p className="text-lg text-gray-700">There is no locker station with this code. Please use another screen.</p>
      </div>
    </main>
  );
}
