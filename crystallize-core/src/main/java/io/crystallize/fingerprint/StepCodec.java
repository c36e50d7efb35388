package io.crystallize.fingerprint;

/**
 * Turns a cached step's output into bytes and back. {@code decode(encode(x))} must give a value
 * the following steps cannot tell from {@code x}.
 *
 * @param <O> the step's output type
 */
public interface StepCodec<O> {

    byte[] encode(O output) throws Exception;

    O decode(byte[] bytes) throws Exception;
}
