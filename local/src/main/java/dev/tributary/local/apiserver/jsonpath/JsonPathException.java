package dev.tributary.local.apiserver.jsonpath;

/**
 * A JSONPath template that cannot be parsed, or that fails on a given document (an index out of
 * range, indexing something that is not an array, a filter comparing several values at once).
 * Missing fields are never an error: they yield no result.
 */
public final class JsonPathException extends Exception {

  private static final long serialVersionUID = 1L;

  JsonPathException(String message) {
    super(message);
  }
}
