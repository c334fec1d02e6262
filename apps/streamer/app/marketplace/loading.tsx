import { Spinner } from '@gametriggers/ui';

export default function Loading() {
  return (
    <div className="grid min-h-[50vh] place-items-center text-brand-600">
      <Spinner label="Finding campaigns for you" className="scale-150" />
    </div>
  );
}
