import { portal } from '../../portal';

export default function Loading() {
  return <portal.LoadingPage label="Loading your progress" />;
}
