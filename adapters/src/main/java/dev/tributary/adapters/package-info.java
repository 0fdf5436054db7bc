/** Programs over a shared runtime. */
package dev.tributary.adapters;
