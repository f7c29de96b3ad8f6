// The owner's newsletter-action on this origin (see owner-frame.html), set before frame.js runs.
document.getElementById('quiz').setAttribute('newsletter-action', location.origin + '/newsletter/owner');
