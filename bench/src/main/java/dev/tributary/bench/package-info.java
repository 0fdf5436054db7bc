/** Benchmark mains: run by bench/*.sh, never by the tests. */
package dev.tributary.bench;
