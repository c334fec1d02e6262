/** For other packages' tests: the browser client's XMLHttpRequest PUT, on `fetch`, in Node. */
export { XhrOverFetch } from './test-support/xhr-over-fetch';
