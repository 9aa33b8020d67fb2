import { id, type RequestOptions, type Transport } from './client-transport.ts';
import { BackgroundWorkStatus, JobsStatus } from './status.ts';

/** Admins: what runs outside requests (decision 0009) and the dead-letter list. */
export function statusApi({ call, callEmpty }: Transport) {
  return {
    backgroundWork: (request: RequestOptions = {}) =>
      call(BackgroundWorkStatus, 'GET', '/status/background-work', request),
    jobs: (request: RequestOptions = {}) => call(JobsStatus, 'GET', '/status/jobs', request),
    retryJob: (jobId: string, request: RequestOptions = {}) =>
      callEmpty('POST', `/status/jobs/${id(jobId)}/retry`, request),
  };
}
