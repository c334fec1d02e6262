import { portal } from '../portal';

export default function NotFound() {
  return <portal.NotFoundPage />;
}
