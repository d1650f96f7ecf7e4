/** creative-gen: Llama-written ad copy. */
package dev.surf.creative;
