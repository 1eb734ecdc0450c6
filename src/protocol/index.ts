/** The version of the worker protocol; bumped when a message shape changes. */
export const protocolVersion = 1;
