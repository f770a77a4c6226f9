/**
 * The one way an action refuses a request: throw an `ApiFault` and the server turns it into the
 * `{"Response":{"Error":{Code,Message},"RequestId"}}` envelope, always with HTTP 200 like the
 * real API.
 */
export class ApiFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFault';
  }
}

export const fault = {
  missing: (name: string, why?: string) =>
    new ApiFault('MissingParameter', `The request is missing a required parameter \`${name}\`${why ? `: ${why}` : ''}.`),
  unknown: (name: string) => new ApiFault('UnknownParameter', `The parameter \`${name}\` is not recognized.`),
  format: (name: string, expected: string) =>
    new ApiFault('InvalidParameter.FormatError', `The parameter \`${name}\` must be ${expected}.`),
  value: (message: string) => new ApiFault('InvalidParameterValue', message),
  range: (name: string, range: string) => new ApiFault('InvalidParameterValue.Range', `The value of \`${name}\` must be ${range}.`),
  length: (message: string) => new ApiFault('InvalidParameterValue.Length', message),
};
