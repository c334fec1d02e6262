import { Spinner } from '@gametriggers/ui';

export default function Loading() {
  return (
    <div className="grid min-h-[50vh] place-items-center text-brand-600">
      <Spinner label="Loading the campaign" className="scale-150" />
    </div>
  );
}
