/** Benchmark mains. */
package dev.tributary.bench;
