/**
 * Go's {@code encoding/json} behaviour, byte for byte, where Knative's Go-made JSON text or error
 * messages reach users: {@link dev.tributary.api.gojson.GoJsonEscapes} (the one escaping table),
 * {@link dev.tributary.api.gojson.GoJson} (marshalling, quoting, re-marshalling an object), {@link
 * dev.tributary.api.gojson.GoJsonScanner} (the syntax check and its error texts) and {@link
 * dev.tributary.api.gojson.GoJsonUnmarshal} (unmarshal errors). Pure: no I/O.
 */
package dev.tributary.api.gojson;
