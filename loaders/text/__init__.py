"""Text stage: reading files (decoding, HTML, PDF), cleaning with offsets back into the file, splitting
compilations, paragraphs and sentences, and which paragraphs are about the home country."""
