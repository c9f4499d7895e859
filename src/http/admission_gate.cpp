// FIFO admission of requests to the index (admission_gate.h says why).
#include "http/admission_gate.h"

#include <algorithm>

namespace paperdex::http {

bool AdmissionGate::enter(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (slots_ == 0) return true;
    if (busy_ < slots_ && queue_.empty()) {
        ++busy_;
        return true;
    }
    Waiter me;
    queue_.push_back(&me);
    if (me.ready.wait_for(lock, timeout, [&] { return me.admitted; })) return true;
    // Timed out: leave the queue. leave() removes a waiter under the same lock before admitting it, so if we are
    // still queued no slot was handed to us.
    queue_.erase(std::find(queue_.begin(), queue_.end(), &me));
    return false;
}

void AdmissionGate::leave() noexcept {
    std::lock_guard lock(mutex_);
    if (slots_ == 0) return;
    if (queue_.empty()) {
        --busy_;
        return;
    }
    // The slot passes straight to the longest waiter (busy_ unchanged), so a newcomer cannot overtake it.
    Waiter* next = queue_.front();
    queue_.pop_front();
    next->admitted = true;
    next->ready.notify_one();
}

std::size_t AdmissionGate::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

}  // namespace paperdex::http
