/** CloudEvents over HTTP. */
package dev.tributary.delivery;
