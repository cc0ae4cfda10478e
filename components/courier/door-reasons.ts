// The courier's door-screen reasons live with the rest of the vocabulary, where lib/ can word them too.
export { CANCEL_REASONS, FAULT_REASONS, pickedReasonKey } from "@/lib/vocabulary/door-reasons";
