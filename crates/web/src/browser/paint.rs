//! Work that waits until the browser has painted what is on screen now: the rest of a long
//! list, the search index. A frame callback runs just before the paint; the task it queues
//! runs just after.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;

/// A callback waiting for the next paint; dropping it cancels the callback.
pub struct AfterPaint {
    _frame: AnimationFrame,
    _task: Rc<RefCell<Option<Timeout>>>,
}

/// Calls `work` in the first task after the next paint.
pub fn after_next_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let task = Rc::new(RefCell::new(None));
    let slot = task.clone();
    let frame = request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(Timeout::new(0, work));
    });
    AfterPaint {
        _frame: frame,
        _task: task,
    }
}
