// Every message PDF/A output gives, in one place, until they move to the
// message catalogue (issue 11): the comment above each names the code it
// will have there.
#pragma once

#include <string>
#include <vector>

namespace banshi::pdf::pdfa_message {

// pdfa.profile-unreadable
std::string profile_unreadable(const std::string& path, const std::string& why);
// pdfa.profile-unusable
std::string profile_unusable(const std::string& path, const std::string& problem);
// pdfa.profile-missing
std::string profile_missing(const std::vector<std::string>& places, const std::vector<std::string>& refused);
// pdfa.metadata-control-characters
std::string metadata_control_characters(const std::string& field);

// pdfa.image-alpha
std::string image_alpha(const std::string& path);

}  // namespace banshi::pdf::pdfa_message
